import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { derivedDataFile, itSurvivesRollbackAndRestore, tenantOfFirst } from '../support/derivedData.ts';
import { asRequestRole, insertCopies } from '../support/testDatabase.ts';

/**
 * `support_plans.item_links`, kept by triggers (migration 20261205_2102): the links of the plan's
 * items, each once and in order, empty without any. After every kind of write of the items —
 * inserts, links changed, items moved between plans, updates of nothing it reads, deletes, a
 * rolled-back write, writes of the request role under row-level security, a backup and restore —
 * it holds exactly what the items give.
 */

// the tenant of the seeded plan
const file = derivedDataFile(
  [
    {
      name: 'support_plans.item_links',
      kept: sql`SELECT id::text, item_links FROM support_plans ORDER BY id`,
      derived: sql`
        SELECT sp.id::text, COALESCE((SELECT array_agg(DISTINCT l ORDER BY l) FROM plan_items pi, unnest(pi.links) AS l
                                      WHERE pi.plan_id = sp.id), '{}') AS item_links
        FROM support_plans sp ORDER BY sp.id`,
    },
  ],
  tenantOfFirst('support_plans'),
);
beforeAll(async () => {
  // two earlier versions of the seeded plan beside it
  for (const step of [10, 20])
    await insertCopies(file.db, 'support_plans', 1, {
      version: sql`version + ${sql.lit(step)}`,
      status: sql`'superseded'`,
      item_links: sql`'{}'`,
    });
});
const kept = async () => (await file.snapshot())[0] as { item_links: string[] }[];
const linked = (links: string[]) => sql`${links}::text[]`;

describe('support_plans.item_links', () => {
  it('holds the seeded plans', async () => {
    expect((await kept()).length).toBeGreaterThan(2);
    expect((await kept()).every((r) => r.item_links.length === 0)).toBe(true);
    await file.expectKeptMatchDerived();
  });

  it('follows inserts, links changed, items moved between plans, an update of nothing it reads, and deletes', async () => {
    const items: string[] = [];
    while (items.length < 6)
      items.push(
        ...(await insertCopies(file.db, 'plan_items', 6 - items.length, { links: linked(['outreach']) })),
      );
    await file.expectKeptMatchDerived();
    expect((await kept()).some((r) => r.item_links.includes('outreach'))).toBe(true);

    await sql`UPDATE plan_items SET links = ${linked(['participationSupport', 'outreach'])} WHERE id = ${items[0]}`.execute(
      file.db,
    );
    await sql`UPDATE plan_items SET links = '{}' WHERE id = ANY(${items.slice(1, 3)}::uuid[])`.execute(
      file.db,
    );
    await file.expectKeptMatchDerived();
    // to another plan: both plans change
    const other = await file.db
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
      file.db,
    );
    await file.expectKeptMatchDerived();

    const before = await file.snapshot();
    await sql`UPDATE plan_items SET content = content || '（追記）', last_reported_on = NULL WHERE id = ANY(${items}::uuid[])`.execute(
      file.db,
    );
    expect(await file.snapshot()).toEqual(before);

    await sql`DELETE FROM plan_items WHERE id = ANY(${items.slice(0, 3)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
    await sql`DELETE FROM plan_items WHERE id = ANY(${items.slice(3)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
  });

  it('is kept by writes of the request role under row-level security', async () => {
    await asRequestRole(file.db, file.tenantId, async (tx) => {
      const [first, second] = await insertCopies(
        tx,
        'plan_items',
        3,
        { links: linked(['participationSupport']) },
        sql<boolean>`tenant_id = ${file.tenantId}`,
      );
      await sql`UPDATE plan_items SET links = ${linked(['outreach'])} WHERE id = ${first}`.execute(tx);
      await sql`DELETE FROM plan_items WHERE id = ${second}`.execute(tx);
    });
    await file.expectKeptMatchDerived();
  });

  it('has links to back up', async () => {
    expect((await kept()).some((r) => r.item_links.length > 0)).toBe(true);
  });

  itSurvivesRollbackAndRestore(file, async (tx) => {
    await insertCopies(tx, 'plan_items', 3, { links: linked(['participationSupport']) });
  });
});
