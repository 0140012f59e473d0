import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditTrail } from '../../src/db/auditTrail.ts';
import type { Database } from '../../src/db/database.ts';
import { freshDatabase } from '../support/testDatabase.ts';

let database: Database;
let tenantId: string;

beforeAll(async () => {
  database = await freshDatabase();
  tenantId = (await database.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
  await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      database.db.transaction().execute((tx) =>
        recordAudit(
          tx,
          { tenantId, actor: null, ip: '127.0.0.1' },
          {
            action: 'organization.update',
            resourceType: 'organization',
            resourceId: `r${i}`,
            details: { b: i, a: { z: 1, y: [1, 2] } },
          },
        ),
      ),
    ),
  );
});
afterAll(() => database.close());

async function withTriggerOff(statement: ReturnType<typeof sql>) {
  await database.db.transaction().execute(async (tx) => {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(tx);
    await statement.execute(tx);
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(tx);
  });
}

describe('audit trail', () => {
  it('verifies an intact chain written by concurrent transactions', async () => {
    const result = await verifyAuditTrail(database.db);
    expect(result).toEqual({ ok: true, events: expect.any(Number) });
    expect(result.events).toBeGreaterThanOrEqual(31);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(sql`UPDATE audit_events SET action = 'x'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('names the first altered event', async () => {
    const target = await database.db
      .selectFrom('audit_events')
      .select(['seq', 'id'])
      .where('resource_id', '=', 'r7')
      .executeTakeFirstOrThrow();
    await withTriggerOff(sql`UPDATE audit_events SET details = '{"b": 999}' WHERE seq = ${target.seq}`);
    const result = await verifyAuditTrail(database.db);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.firstBad).toMatchObject({ seq: target.seq, id: target.id, reason: 'content altered' });
  });
});

describe('audit trail: removal and insertion', () => {
  async function chainOfFive() {
    const fresh = await freshDatabase();
    const tenant = (await fresh.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
    // One transaction writes all five, so they extend one chain.
    await fresh.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 5; i++) {
        await recordAudit(
          tx,
          { tenantId: tenant, actor: null, ip: null },
          { action: 'user.update', resourceType: 'user', resourceId: `u${i}` },
        );
      }
    });
    const rows = await fresh.db
      .selectFrom('audit_events')
      .select(['seq', 'id', 'resource_id'])
      .where('resource_id', 'in', ['u0', 'u1', 'u2', 'u3', 'u4'])
      .orderBy('seq')
      .execute();
    const remove = async (seq: string | undefined) =>
      fresh.db.transaction().execute(async (tx) => {
        await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(tx);
        await sql`DELETE FROM audit_events WHERE seq = ${seq}`.execute(tx);
        await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(tx);
      });
    return { fresh, rows, remove };
  }

  it('names the event after a removed one', async () => {
    const { fresh, rows, remove } = await chainOfFive();
    try {
      await remove(rows[2]?.seq);
      const result = await verifyAuditTrail(fresh.db);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.firstBad.seq).toBe(rows[3]?.seq);
        expect(result.firstBad.reason).toMatch(/chain broken/);
      }
    } finally {
      await fresh.close();
    }
  });

  it('notices the newest event removed (the chain ends short of its head)', async () => {
    const { fresh, rows, remove } = await chainOfFive();
    try {
      await remove(rows[4]?.seq);
      const result = await verifyAuditTrail(fresh.db);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.firstBad.seq).toBe(rows[4]?.seq);
        expect(result.firstBad.reason).toMatch(/newest events were removed/);
      }
    } finally {
      await fresh.close();
    }
  });

  it('names an inserted forgery', async () => {
    const { fresh, rows } = await chainOfFive();
    try {
      const last = await fresh.db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '=', rows[4]?.seq ?? '0')
        .executeTakeFirstOrThrow();
      await sql`INSERT INTO audit_events (id, tenant_id, chain, occurred_at, action, resource_type, details, prev_hash, hash)
        VALUES (gen_random_uuid(), ${last.tenant_id}, ${last.chain}, now(), 'user.update', 'user', '{}', ${last.hash}, ${'f'.repeat(64)})`.execute(
        fresh.db,
      );
      const result = await verifyAuditTrail(fresh.db);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.firstBad.reason).toBe('content altered');
    } finally {
      await fresh.close();
    }
  });
});

describe('audit trail: commit durability', () => {
  it('commits a read-only transaction asynchronously and any transaction with a change synchronously', async () => {
    const setting = async (actions: Parameters<typeof recordAudit>[2]['action'][]) =>
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
  });
});
