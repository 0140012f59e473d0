import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditTrail, startAuditSealer } from '../../src/db/auditSealer.ts';
import {
  type AuditEventInput,
  auditHash,
  GENESIS_HASH,
  recordAudit,
  sealHash,
  verifyAuditTrail,
} from '../../src/db/auditTrail.ts';
import type { Database } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import { runAsTenant } from '../../src/db/tenantContext.ts';
import { testBackend } from '../support/backend.ts';
import { freshDatabase } from '../support/testDatabase.ts';

/**
 * The audit trail (docs/adr/0009): requests append events without a lock; the sealer chains them
 * after commit; `verifyAuditTrail` names any altered, removed or inserted event, reports the
 * unsealed tail, and still walks the chains written before sealing (ADR 0004).
 */

let database: Database;
let tenantId: string;

const record = (db: Kysely<DB>, tenant: string | null, input: AuditEventInput) =>
  db
    .transaction()
    .execute((tx) => recordAudit(tx, { tenantId: tenant, actor: null, ip: '127.0.0.1' }, input));

async function tamper(db: Kysely<DB>, statement: ReturnType<typeof sql>) {
  await db.transaction().execute(async (tx) => {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(tx);
    await sql`ALTER TABLE audit_seals DISABLE TRIGGER audit_seals_append_only`.execute(tx);
    await statement.execute(tx);
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(tx);
    await sql`ALTER TABLE audit_seals ENABLE TRIGGER audit_seals_append_only`.execute(tx);
  });
}

beforeAll(async () => {
  database = await freshDatabase();
  tenantId = (await database.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
  await sealAuditTrail(database.db); // what the template's seeding left
  await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      record(database.db, tenantId, {
        action: 'organization.update',
        resourceType: 'organization',
        resourceId: `r${i}`,
        details: { b: i, a: { z: 1, y: [1, 2] } },
      }),
    ),
  );
  await record(database.db, null, {
    action: 'session.signInFailed',
    resourceType: 'user',
    details: { loginId: 'nobody' },
  });
});
afterAll(() => database.close());

describe('audit trail: writing and sealing', () => {
  it('reports committed events that wait for their seal as the unsealed tail, not as an error', async () => {
    const before = await verifyAuditTrail(database.db);
    expect(before.ok).toBe(true);
    expect(before.unsealed.count).toBe(31);
    expect(before.unsealed.oldest).toBeInstanceOf(Date);
  });

  it('seals every waiting event once, per scope (a tenant, or none), and then verifies them all', async () => {
    expect(await sealAuditTrail(database.db)).toBe(31);
    expect(await sealAuditTrail(database.db)).toBe(0);
    const result = await verifyAuditTrail(database.db);
    expect(result).toEqual({ ok: true, events: expect.any(Number), unsealed: { count: 0, oldest: null } });
    expect(result.events).toBeGreaterThanOrEqual(31);
    const heads = await database.db.selectFrom('audit_seal_heads').select(['scope', 'position']).execute();
    expect(heads.map((h) => h.scope)).toEqual(expect.arrayContaining([tenantId, 'none']));
    const seals = await database.db
      .selectFrom('audit_seals')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('event_seq').distinct().as('d')])
      .executeTakeFirstOrThrow();
    expect(seals.n).toBe(seals.d);
  });

  it('writes one statement per event and nothing for a transaction that rolls back', async () => {
    const before = await database.db
      .selectFrom('audit_pending')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      database.db.transaction().execute(async (tx) => {
        await recordAudit(
          tx,
          { tenantId, actor: null, ip: null },
          { action: 'user.update', resourceType: 'user' },
        );
        throw new Error('the request failed');
      }),
    ).rejects.toThrow('the request failed');
    const after = await database.db
      .selectFrom('audit_pending')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await verifyAuditTrail(database.db)).ok).toBe(true);
  });

  it('lets the request role append and queue an event in its tenant scope, but not read the queue or the seals', async () => {
    await runAsTenant(tenantId, () =>
      record(database.db, tenantId, { action: 'case.read', resourceType: 'case' }),
    );
    await expect(
      runAsTenant(tenantId, () => database.db.selectFrom('audit_pending').selectAll().execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(
      runAsTenant(tenantId, () => database.db.selectFrom('audit_seals').selectAll().execute()),
    ).rejects.toThrow(/permission denied/);
    expect(await sealAuditTrail(database.db)).toBe(1);
  });

  it('is append-only: the database refuses UPDATE and DELETE of events and of seals', async () => {
    await expect(sql`UPDATE audit_events SET action = 'x'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_seals SET hash = 'x'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_seals`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('commits a read-only transaction asynchronously and any transaction with a change synchronously', async () => {
    const setting = async (actions: AuditEventInput['action'][]) =>
      database.db.transaction().execute(async (tx) => {
        for (const action of actions) {
          await recordAudit(tx, { tenantId, actor: null, ip: null }, { action, resourceType: 'case' });
        }
        return (await sql<{ synchronous_commit: string }>`SHOW synchronous_commit`.execute(tx)).rows[0]
          ?.synchronous_commit;
      });
    expect(await setting(['case.read', 'case.timeline'])).toBe('off');
    expect(await setting(['case.read', 'case.close'])).toBe('on');
    expect(await setting(['case.close', 'case.read'])).toBe('on');
    expect(await setting(['organization.update'])).toBe('on');
    await sealAuditTrail(database.db);
  });

  it('seals in the background after events are written, and seals what is left when stopped', async () => {
    const sealer = startAuditSealer(database.db, { delayMs: 10, idleMs: 60_000 });
    await record(database.db, tenantId, { action: 'user.update', resourceType: 'user', resourceId: 'bg1' });
    await sealer.sealNow();
    expect((await verifyAuditTrail(database.db)).unsealed.count).toBe(0);
    await record(database.db, tenantId, { action: 'user.update', resourceType: 'user', resourceId: 'bg2' });
    await sealer.stop();
    expect(await verifyAuditTrail(database.db)).toMatchObject({ ok: true, unsealed: { count: 0 } });
  });
});

describe('audit trail: the queue stays compact without autovacuum', () => {
  const PAGE = 8192;
  const queuePages = async () =>
    Math.ceil(
      Number(
        (await sql<{ size: string }>`SELECT pg_relation_size('audit_pending') AS size`.execute(database.db))
          .rows[0]?.size,
      ) / PAGE,
    );
  /** Ten rounds of a hundred events, each round sealed by the sealer; returns how the queue grew, in pages. */
  async function sealRounds(vacuumEvery: number): Promise<number> {
    await sql`VACUUM audit_pending`.execute(database.db);
    const before = await queuePages();
    const sealer = startAuditSealer(database.db, { delayMs: 60_000, idleMs: 60_000, vacuumEvery });
    for (let round = 0; round < 10; round++) {
      await database.db.transaction().execute(async (tx) => {
        for (let i = 0; i < 100; i++) {
          await recordAudit(
            tx,
            { tenantId, actor: null, ip: null },
            { action: 'user.update', resourceType: 'user', resourceId: `q${round}-${i}` },
          );
        }
      });
      await sealer.sealNow();
    }
    await sealer.stop();
    expect((await verifyAuditTrail(database.db)).unsealed.count).toBe(0);
    return (await queuePages()) - before;
  }

  it('vacuums the queue after every so many events sealed, so a thousand events leave it about as small as one batch', async () => {
    // as if autovacuum were off (as it is on the embedded database), whatever the server's setting
    await sql`ALTER TABLE audit_pending SET (autovacuum_enabled = false)`.execute(database.db);
    // without the vacuum (the embedded database has no autovacuum) every sealed event's row stays dead in the table
    const unvacuumed = await sealRounds(Number.POSITIVE_INFINITY);
    expect(unvacuumed).toBeGreaterThanOrEqual(8);
    const vacuumed = await sealRounds(300);
    expect(vacuumed).toBeLessThanOrEqual(2);
    await sql`ALTER TABLE audit_pending RESET (autovacuum_enabled)`.execute(database.db);
  });
});

describe.runIf(testBackend() === 'postgres')('audit trail: no lock across a transaction (PostgreSQL)', () => {
  it("commits a transaction's event while another transaction that wrote one is still open", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written: () => void = () => {};
    const wrote = new Promise<void>((resolve) => {
      written = resolve;
    });
    // A holds its transaction open after writing its event; B writes and commits meanwhile.
    const a = database.db.transaction().execute(async (tx) => {
      await recordAudit(
        tx,
        { tenantId, actor: null, ip: null },
        { action: 'case.read', resourceType: 'case' },
      );
      written();
      await held;
    });
    await wrote;
    for (let i = 0; i < 8; i++)
      await record(database.db, tenantId, {
        action: 'case.close',
        resourceType: 'case',
        resourceId: `b${i}`,
      });
    // B's events are sealed while A is still open; A's is sealed after it commits
    expect(await sealAuditTrail(database.db)).toBe(8);
    release();
    await a;
    expect(await sealAuditTrail(database.db)).toBe(1);
    expect(await verifyAuditTrail(database.db)).toMatchObject({ ok: true, unsealed: { count: 0 } });
  });

  it('verifies beside a live server: seals committed during the check do not read as removed events', async () => {
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await record(database.db, tenantId, {
          action: 'user.update',
          resourceType: 'user',
          resourceId: `l${i}`,
        });
        await sealAuditTrail(database.db);
      }
    })();
    try {
      for (let i = 0; i < 15; i++) {
        const result = await verifyAuditTrail(database.db);
        expect(result.ok, JSON.stringify(result)).toBe(true);
      }
    } finally {
      writing = false;
      await writer;
    }
  });

  it('seals each event exactly once when several sealers run at once', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        record(database.db, tenantId, { action: 'user.update', resourceType: 'user', resourceId: `c${i}` }),
      ),
    );
    const sealed = await Promise.all([
      sealAuditTrail(database.db),
      sealAuditTrail(database.db),
      sealAuditTrail(database.db),
    ]);
    expect(sealed.reduce((a, b) => a + b, 0)).toBe(40);
    expect(await verifyAuditTrail(database.db)).toMatchObject({ ok: true, unsealed: { count: 0 } });
  });
});

describe('audit trail: any alteration of a sealed event is detected', () => {
  /** A fresh database with five sealed events of one tenant (u0 … u4) and one waiting (u5). */
  async function fiveSealed() {
    const fresh = await freshDatabase();
    const tenant = (await fresh.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
    for (let i = 0; i < 5; i++)
      await record(fresh.db, tenant, { action: 'user.update', resourceType: 'user', resourceId: `u${i}` });
    await sealAuditTrail(fresh.db);
    await record(fresh.db, tenant, { action: 'user.update', resourceType: 'user', resourceId: 'u5' });
    const rows = await fresh.db
      .selectFrom('audit_events')
      .select(['seq', 'id', 'resource_id', 'tenant_id'])
      .where('resource_id', 'in', ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'])
      .orderBy('seq')
      .execute();
    return { fresh, tenant, rows };
  }

  const cases: {
    name: string;
    tamper: (rows: { seq: string; id: string }[], tenant: string) => ReturnType<typeof sql>;
    expected: (rows: { seq: string; id: string }[]) => { seq?: string; id?: string; reason: RegExp };
  }[] = [
    {
      name: 'an altered event',
      tamper: (rows) => sql`UPDATE audit_events SET details = '{"b": 999}' WHERE seq = ${rows[2]?.seq}`,
      expected: (rows) => ({ seq: rows[2]?.seq, id: rows[2]?.id, reason: /content altered/ }),
    },
    {
      name: 'an event moved to another time',
      tamper: (rows) =>
        sql`UPDATE audit_events SET occurred_at = occurred_at - interval '1 day' WHERE seq = ${rows[1]?.seq}`,
      expected: (rows) => ({ seq: rows[1]?.seq, reason: /content altered/ }),
    },
    {
      name: 'a removed event',
      tamper: (rows) => sql`DELETE FROM audit_events WHERE seq = ${rows[2]?.seq}`,
      expected: (rows) => ({ seq: rows[2]?.seq, reason: /sealed event removed/ }),
    },
    {
      name: 'a removed event with its seal',
      tamper: (rows) =>
        sql`WITH s AS (DELETE FROM audit_seals WHERE event_seq = ${rows[2]?.seq}) DELETE FROM audit_events WHERE seq = ${rows[2]?.seq}`,
      expected: (rows) => ({ seq: rows[3]?.seq, reason: /seal \d+ of .* is missing/ }),
    },
    {
      name: 'the newest sealed event removed with its seal',
      tamper: (rows) =>
        sql`WITH s AS (DELETE FROM audit_seals WHERE event_seq = ${rows[4]?.seq}) DELETE FROM audit_events WHERE seq = ${rows[4]?.seq}`,
      expected: (rows) => ({ seq: rows[3]?.seq, reason: /newest sealed events were removed/ }),
    },
    {
      name: 'a seal rewritten to match an altered event',
      tamper: (rows) =>
        sql`UPDATE audit_seals SET hash = ${'a'.repeat(64)} WHERE event_seq = ${rows[1]?.seq}`,
      expected: (rows) => ({ seq: rows[1]?.seq, reason: /content altered/ }),
    },
    {
      name: 'an event forged behind Kasane (no queue line)',
      tamper: (_rows, tenant) =>
        sql`INSERT INTO audit_events (id, tenant_id, occurred_at, action, resource_type, details)
            VALUES (gen_random_uuid(), ${tenant}, now(), 'user.update', 'user', '{}')`,
      expected: () => ({ reason: /neither sealed nor waiting for its seal/ }),
    },
    {
      name: 'an event removed while waiting for its seal',
      tamper: (rows) => sql`DELETE FROM audit_events WHERE seq = ${rows[5]?.seq}`,
      expected: (rows) => ({ seq: rows[5]?.seq, reason: /removed while waiting for its seal/ }),
    },
  ];

  for (const c of cases)
    it(`names ${c.name}`, async () => {
      const { fresh, tenant, rows } = await fiveSealed();
      try {
        expect(await verifyAuditTrail(fresh.db)).toMatchObject({ ok: true, unsealed: { count: 1 } });
        await tamper(fresh.db, c.tamper(rows, tenant));
        const result = await verifyAuditTrail(fresh.db);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          const { reason, ...at } = c.expected(rows);
          expect(result.firstBad.reason).toMatch(reason);
          expect(result.firstBad).toMatchObject(at);
        }
      } finally {
        await fresh.close();
      }
    });
});

describe('audit trail: the chains written before sealing (ADR 0004) still verify', () => {
  /** Events as the old write path wrote them: each hashed into one of the 32 chains, with a head. */
  async function legacyChain(db: Kysely<DB>, tenant: string, n: number) {
    let previous = GENESIS_HASH;
    const rows: { seq: string; id: string }[] = [];
    for (let i = 0; i < n; i++) {
      const event = {
        id: randomUUID(),
        tenant_id: tenant,
        occurred_at: new Date(Date.UTC(2026, 10, 1, 0, i)),
        actor_user_id: null,
        actor_organization_id: null,
        actor_login_id: 'legacy',
        ip: null,
        action: 'user.update',
        resource_type: 'user',
        resource_id: `l${i}`,
        person_id: null,
        case_id: null,
        legal_basis: null,
        details: { i },
        prev_hash: previous,
      };
      const hash = auditHash(event);
      const inserted = await db
        .insertInto('audit_events')
        .values({ ...event, chain: 7, details: JSON.stringify(event.details), hash })
        .returning(['seq', 'id'])
        .executeTakeFirstOrThrow();
      rows.push(inserted);
      previous = hash;
    }
    await db
      .insertInto('audit_chain_heads')
      .values({ scope: tenant, chain: 7, last_seq: rows.at(-1)?.seq ?? '0', hash: previous })
      .execute();
    return rows;
  }

  it('verifies a legacy chain beside sealed events, and names an altered legacy event', async () => {
    const fresh = await freshDatabase();
    try {
      const tenant = (await fresh.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
      const rows = await legacyChain(fresh.db, tenant, 4);
      await record(fresh.db, tenant, { action: 'user.update', resourceType: 'user' });
      await sealAuditTrail(fresh.db);
      const intact = await verifyAuditTrail(fresh.db);
      expect(intact.ok).toBe(true);
      expect(intact.events).toBeGreaterThanOrEqual(5);
      await tamper(
        fresh.db,
        sql`UPDATE audit_events SET actor_login_id = 'someone' WHERE seq = ${rows[1]?.seq}`,
      );
      const result = await verifyAuditTrail(fresh.db);
      expect(result).toMatchObject({ ok: false, firstBad: { seq: rows[1]?.seq, reason: 'content altered' } });
    } finally {
      await fresh.close();
    }
  });

  it('names a legacy chain cut short of its head', async () => {
    const fresh = await freshDatabase();
    try {
      const tenant = (await fresh.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
      const rows = await legacyChain(fresh.db, tenant, 3);
      await tamper(fresh.db, sql`DELETE FROM audit_events WHERE seq = ${rows[2]?.seq}`);
      const result = await verifyAuditTrail(fresh.db);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.firstBad.reason).toMatch(/newest events were removed/);
    } finally {
      await fresh.close();
    }
  });
});

describe('audit trail: the seal hash', () => {
  const event = {
    seq: '42',
    id: '00000000-0000-4000-8000-000000000001',
    tenant_id: null,
    occurred_at: new Date('2026-12-01T00:00:00Z'),
    actor_user_id: null,
    actor_organization_id: null,
    actor_login_id: null,
    ip: null,
    action: 'user.update',
    resource_type: 'user',
    resource_id: null,
    person_id: null,
    case_id: null,
    legal_basis: null,
    details: { b: 1, a: { y: 2, z: [1, 2] } },
  };
  it('does not depend on the key order of details (jsonb reorders keys)', () => {
    expect(sealHash(GENESIS_HASH, '1', event)).toBe(
      sealHash(GENESIS_HASH, '1', { ...event, details: { a: { z: [1, 2], y: 2 }, b: 1 } }),
    );
  });
  it('binds the previous hash, the position and the sequence number', () => {
    const base = sealHash(GENESIS_HASH, '1', event);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(sealHash('f'.repeat(64), '1', event)).not.toBe(base);
    expect(sealHash(GENESIS_HASH, '2', event)).not.toBe(base);
    expect(sealHash(GENESIS_HASH, '1', { ...event, seq: '43' })).not.toBe(base);
  });
});
