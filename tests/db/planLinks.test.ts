import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import {
  asRequestRole,
  backupAndRestore,
  freshDatabase,
  insertCopies,
  rolledBack,
} from '../support/testDatabase.ts';

/**
 * `support_plans.item_links`, kept by triggers (migration 20261205_2102): the links of the plan's
 * items, each once and in order, empty without any. After every kind of write of the items —
 * inserts, links changed, items moved between plans, updates of nothing it reads, deletes, a
 * rolled-back write, writes of the request role under row-level security, a backup and restore —
 * it holds exactly what the items give.
 */

let database: Database;
let db: Kysely<DB>;
let tenantId: string;
beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  // the tenant of the seeded plan, and two earlier versions of that plan beside it
  tenantId = (
    await db.selectFrom('support_plans').select('tenant_id').orderBy('id').executeTakeFirstOrThrow()
  ).tenant_id;
  for (const step of [10, 20])
    await insertCopies(db, 'support_plans', 1, {
      version: sql`version + ${sql.lit(step)}`,
      status: sql`'superseded'`,
      item_links: sql`'{}'`,
    });
});
afterAll(() => database.close());

async function planLinks(): Promise<{ kept: unknown[]; derived: unknown[] }> {
  const kept = await sql`SELECT id::text, item_links FROM support_plans ORDER BY id`.execute(db);
  const derived = await sql`
    SELECT sp.id::text, COALESCE((SELECT array_agg(DISTINCT l ORDER BY l) FROM plan_items pi, unnest(pi.links) AS l
                                  WHERE pi.plan_id = sp.id), '{}') AS item_links
    FROM support_plans sp ORDER BY sp.id`.execute(db);
  return { kept: kept.rows, derived: derived.rows };
}

async function expectKeptMatchDerived(): Promise<void> {
  const { kept, derived } = await planLinks();
  expect(kept).toEqual(derived);
}

const snapshot = async () => (await planLinks()).kept;
const linked = (links: string[]) => sql`${links}::text[]`;

describe('support_plans.item_links', () => {
  it('holds the seeded plans', async () => {
    expect((await snapshot()).length).toBeGreaterThan(2);
    expect(((await snapshot()) as { item_links: string[] }[]).every((r) => r.item_links.length === 0)).toBe(
      true,
    );
    await expectKeptMatchDerived();
  });

  it('follows inserts, links changed, items moved between plans, an update of nothing it reads, and deletes', async () => {
    const items: string[] = [];
    while (items.length < 6)
      items.push(
        ...(await insertCopies(db, 'plan_items', 6 - items.length, { links: linked(['outreach']) })),
      );
    await expectKeptMatchDerived();
    expect(
      ((await snapshot()) as { item_links: string[] }[]).some((r) => r.item_links.includes('outreach')),
    ).toBe(true);

    await sql`UPDATE plan_items SET links = ${linked(['participationSupport', 'outreach'])} WHERE id = ${items[0]}`.execute(
      db,
    );
    await sql`UPDATE plan_items SET links = '{}' WHERE id = ANY(${items.slice(1, 3)}::uuid[])`.execute(db);
    await expectKeptMatchDerived();
    // to another plan: both plans change
    const other = await db
      .selectFrom('support_plans')
      .select('id')
      .where('id', '<>', (eb) =>
        eb
          .selectFrom('plan_items')
          .select('plan_id')
          .where('id', '=', items[0] ?? ''),
      )
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await sql`UPDATE plan_items SET plan_id = ${other.id} WHERE id = ANY(${[items[0], items[3]]}::uuid[])`.execute(
      db,
    );
    await expectKeptMatchDerived();

    const before = await snapshot();
    await sql`UPDATE plan_items SET content = content || '（追記）', last_reported_on = NULL WHERE id = ANY(${items}::uuid[])`.execute(
      db,
    );
    expect(await snapshot()).toEqual(before);

    await sql`DELETE FROM plan_items WHERE id = ANY(${items.slice(0, 3)}::uuid[])`.execute(db);
    await expectKeptMatchDerived();
    await sql`DELETE FROM plan_items WHERE id = ANY(${items.slice(3)}::uuid[])`.execute(db);
    await expectKeptMatchDerived();
  });

  it('is untouched by a write that rolls back', async () => {
    const before = await snapshot();
    await rolledBack(db, async (tx) => {
      await insertCopies(tx, 'plan_items', 3, { links: linked(['participationSupport']) });
    });
    expect(await snapshot()).toEqual(before);
    await expectKeptMatchDerived();
  });

  it('is kept by writes of the request role under row-level security', async () => {
    await asRequestRole(db, tenantId, async (tx) => {
      const [first, second] = await insertCopies(
        tx,
        'plan_items',
        3,
        { links: linked(['participationSupport']) },
        sql<boolean>`tenant_id = ${tenantId}`,
      );
      await sql`UPDATE plan_items SET links = ${linked(['outreach'])} WHERE id = ${first}`.execute(tx);
      await sql`DELETE FROM plan_items WHERE id = ${second}`.execute(tx);
    });
    await expectKeptMatchDerived();
  });

  it('comes back the same from a backup and restore', async () => {
    const before = await snapshot();
    expect(((await snapshot()) as { item_links: string[] }[]).some((r) => r.item_links.length > 0)).toBe(
      true,
    );
    await backupAndRestore(db);
    expect(await snapshot()).toEqual(before);
    await expectKeptMatchDerived();
  });
});
