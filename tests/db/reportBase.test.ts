import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { derivedDataFile, itSurvivesRollbackAndRestore } from '../support/derivedData.ts';
import { asRequestRole, insertCopies } from '../support/testDatabase.ts';

/**
 * `plan_items.report_base_on`, kept by triggers (migration 20261205_2103): the item's last report,
 * else its start, else its plan's approval (Tokyo day), while its plan is approved and its case
 * open; NULL otherwise. After every kind of write it derives from — items inserted, moved between
 * plans and cases, their periods and reports changed; plans approved, superseded, re-dated; cases
 * closed, suspended and reopened; updates of nothing it derives from, a rolled-back write, writes of
 * the request role under row-level security, a backup and restore — it holds exactly what the rows give.
 */

const file = derivedDataFile([
  {
    name: 'plan_items.report_base_on',
    kept: sql`SELECT id::text, report_base_on::text FROM plan_items ORDER BY id`,
    derived: sql`
      SELECT pi.id::text, (CASE WHEN sp.status = 'approved' AND c.stage NOT IN ('closed', 'suspended')
          THEN COALESCE((SELECT max(sr.supported_on) FROM support_reports sr WHERE sr.plan_item_id = pi.id),
            pi.period_from, (sp.approved_at AT TIME ZONE 'Asia/Tokyo')::date) END)::text AS report_base_on
      FROM plan_items pi JOIN support_plans sp ON sp.id = pi.plan_id JOIN cases c ON c.id = pi.case_id
      ORDER BY pi.id`,
  },
]);

/** Copies of plan items have no support reports, so no last report's day. */
const unreported = { last_reported_on: sql`NULL` };

/** The ids of some rows, oldest id first. */
const someIds = async (query: ReturnType<typeof sql<{ id: string }>>) =>
  (await query.execute(file.db)).rows.map((r) => r.id);

describe('plan_items.report_base_on', () => {
  it('holds the seeded items: a day for those that can be due, NULL for the others', async () => {
    const kept = (await file.snapshot())[0] as { report_base_on: string | null }[];
    expect(kept.some((r) => r.report_base_on !== null)).toBe(true);
    await file.expectKeptMatchDerived();
  });

  it('follows the items: inserts, periods, reports, moves, an update of nothing it reads, deletes', async () => {
    // copies of the seeded items (without reports of their own: no last report either)
    const items: string[] = [];
    while (items.length < 6)
      items.push(...(await insertCopies(file.db, 'plan_items', 6 - items.length, unreported)));
    await file.expectKeptMatchDerived();

    await sql`UPDATE plan_items SET period_from = DATE '2026-01-05' WHERE id = ${items[0]}`.execute(file.db);
    await sql`UPDATE plan_items SET period_from = NULL WHERE id = ${items[1]}`.execute(file.db);
    await file.expectKeptMatchDerived();

    // reports set the last report's day (the support reports' triggers), which the base follows
    const [report] = await insertCopies(file.db, 'support_reports', 1, {
      plan_item_id: sql.lit(items[2]),
      case_id: sql`(SELECT case_id FROM plan_items WHERE id = ${items[2]})`,
      supported_on: sql`DATE '2026-10-01'`,
    });
    await file.expectKeptMatchDerived();
    await sql`UPDATE support_reports SET supported_on = DATE '2026-11-02' WHERE id = ${report}`.execute(
      file.db,
    );
    await file.expectKeptMatchDerived();
    await sql`DELETE FROM support_reports WHERE id = ${report}`.execute(file.db);
    await file.expectKeptMatchDerived();

    // to a plan of another status, and to another case
    const draft = await someIds(
      sql<{ id: string }>`SELECT id FROM support_plans WHERE status <> 'approved' ORDER BY id LIMIT 1`,
    );
    if (draft[0]) {
      await sql`UPDATE plan_items SET plan_id = ${draft[0]},
          case_id = (SELECT case_id FROM support_plans WHERE id = ${draft[0]}) WHERE id = ${items[3]}`.execute(
        file.db,
      );
      await file.expectKeptMatchDerived();
    }
    const closed = await someIds(
      sql<{ id: string }>`SELECT id FROM cases WHERE stage IN ('closed', 'suspended') ORDER BY id LIMIT 1`,
    );
    if (closed[0]) {
      await sql`UPDATE plan_items SET case_id = ${closed[0]} WHERE id = ${items[4]}`.execute(file.db);
      await file.expectKeptMatchDerived();
    }

    const before = await file.snapshot();
    await sql`UPDATE plan_items SET content = content || '（追記）', frequency = '週1回' WHERE id = ANY(${items}::uuid[])`.execute(
      file.db,
    );
    expect(await file.snapshot()).toEqual(before);

    await sql`DELETE FROM plan_items WHERE id = ANY(${items}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
  });

  it('follows the plans: approval, its day, superseding, and an update of nothing it reads', async () => {
    const approved = await someIds(
      sql<{ id: string }>`SELECT sp.id FROM support_plans sp WHERE sp.status = 'approved'
        AND EXISTS (SELECT 1 FROM plan_items pi WHERE pi.plan_id = sp.id) ORDER BY sp.id LIMIT 2`,
    );
    expect(approved.length).toBeGreaterThanOrEqual(1);
    // an item without a start or a report counts from the approval
    await sql`UPDATE plan_items SET period_from = NULL WHERE plan_id = ANY(${approved}::uuid[])`.execute(
      file.db,
    );
    await sql`UPDATE support_plans SET approved_at = approved_at - interval '100 days' WHERE id = ANY(${approved}::uuid[])`.execute(
      file.db,
    );
    await file.expectKeptMatchDerived();
    await sql`UPDATE support_plans SET status = 'superseded' WHERE id = ANY(${approved}::uuid[])`.execute(
      file.db,
    );
    expect(
      (
        await sql<{ n: string }>`SELECT count(*) AS n FROM plan_items
          WHERE plan_id = ANY(${approved}::uuid[]) AND report_base_on IS NOT NULL`.execute(file.db)
      ).rows[0]?.n,
    ).toBe('0');
    await file.expectKeptMatchDerived();
    await sql`UPDATE support_plans SET status = 'approved' WHERE id = ANY(${approved}::uuid[])`.execute(
      file.db,
    );
    await file.expectKeptMatchDerived();
    const before = await file.snapshot();
    await sql`UPDATE support_plans SET wishes = COALESCE(wishes, '') || '（追記）' WHERE id = ANY(${approved}::uuid[])`.execute(
      file.db,
    );
    expect(await file.snapshot()).toEqual(before);
  });

  it('follows the cases: closed, suspended, reopened, and moved between open stages', async () => {
    const withItems = await someIds(
      sql<{ id: string }>`SELECT c.id FROM cases c WHERE c.stage NOT IN ('closed', 'suspended')
        AND EXISTS (SELECT 1 FROM plan_items pi JOIN support_plans sp ON sp.id = pi.plan_id
                    WHERE pi.case_id = c.id AND sp.status = 'approved') ORDER BY c.id LIMIT 2`,
    );
    expect(withItems.length).toBeGreaterThanOrEqual(1);
    const stages = await sql<{
      id: string;
      stage: string;
    }>`SELECT id, stage FROM cases WHERE id = ANY(${withItems}::uuid[])`.execute(file.db);
    await sql`UPDATE cases SET stage = 'closed' WHERE id = ${withItems[0]}`.execute(file.db);
    if (withItems[1])
      await sql`UPDATE cases SET stage = 'suspended' WHERE id = ${withItems[1]}`.execute(file.db);
    await file.expectKeptMatchDerived();
    await sql`UPDATE cases SET stage = 'watching' WHERE id = ANY(${withItems}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
    const before = await file.snapshot();
    await sql`UPDATE cases SET stage = 'supporting' WHERE id = ANY(${withItems}::uuid[])`.execute(file.db);
    expect(await file.snapshot()).toEqual(before);
    for (const row of stages.rows)
      await sql`UPDATE cases SET stage = ${row.stage} WHERE id = ${row.id}`.execute(file.db);
    await file.expectKeptMatchDerived();
  });

  it('is kept by writes of the request role under row-level security', async () => {
    await asRequestRole(file.db, file.tenantId, async (tx) => {
      const [item] = await insertCopies(
        tx,
        'plan_items',
        2,
        unreported,
        sql<boolean>`tenant_id = ${file.tenantId}`,
      );
      await sql`UPDATE plan_items SET period_from = DATE '2025-02-03' WHERE id = ${item}`.execute(tx);
      await sql`UPDATE support_plans SET approved_at = approved_at - interval '3 days'
        WHERE id = (SELECT plan_id FROM plan_items WHERE id = ${item})`.execute(tx);
      await sql`UPDATE cases SET stage = 'suspended'
        WHERE id = (SELECT case_id FROM plan_items WHERE id = ${item})`.execute(tx);
    });
    await file.expectKeptMatchDerived();
  });

  itSurvivesRollbackAndRestore(file, async (tx) => {
    await insertCopies(tx, 'plan_items', 3, { ...unreported, period_from: sql`DATE '2025-06-01'` });
    await sql`UPDATE cases SET stage = 'closed'`.execute(tx);
  });
});
