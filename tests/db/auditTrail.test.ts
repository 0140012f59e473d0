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
  it('names the event after a removed one', async () => {
    const fresh = await freshDatabase();
    try {
      const tenant = (await fresh.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
      for (let i = 0; i < 5; i++) {
        await fresh.db
          .transaction()
          .execute((tx) =>
            recordAudit(
              tx,
              { tenantId: tenant, actor: null, ip: null },
              { action: 'user.update', resourceType: 'user', resourceId: `u${i}` },
            ),
          );
      }
      const rows = await fresh.db
        .selectFrom('audit_events')
        .select(['seq', 'resource_id'])
        .where('tenant_id', '=', tenant)
        .orderBy('seq')
        .execute();
      const removed = rows.findIndex((r) => r.resource_id === 'u2');
      await fresh.db.transaction().execute(async (tx) => {
        await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(tx);
        await sql`DELETE FROM audit_events WHERE seq = ${rows[removed]?.seq}`.execute(tx);
        await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(tx);
      });
      const result = await verifyAuditTrail(fresh.db);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.firstBad.seq).toBe(rows[removed + 1]?.seq);
        expect(result.firstBad.reason).toMatch(/chain broken/);
      }
    } finally {
      await fresh.close();
    }
  });
});
