import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { contactKinds } from '../../src/db/migrations/20261203_0201_last_contact_and_report.ts';
import { contactEventKinds } from '../../src/domain/caseSearch.ts';
import { derivedDataFile, itSurvivesRollbackAndRestore, tenantOfFirst } from '../support/derivedData.ts';
import { asRequestRole, insertCopies } from '../support/testDatabase.ts';

/**
 * The dates kept by triggers (migration 20261203_0201) that the home's 記録なし and 支援報告期限超過
 * filter by: `cases.last_contact_at` (latest contact entry of the timeline) and
 * `plan_items.last_reported_on` (latest support report). After every kind of write — bulk inserts,
 * updates that move entries between cases, days and kinds or touch nothing they derive from,
 * deletes, a rolled-back write, writes of the request role under row-level security, a backup and
 * restore — they hold exactly what the rows they derive from give.
 */

const kinds = sql.join(contactEventKinds.map((kind) => sql.lit(kind)));

// the tenant of the seeded casework
const file = derivedDataFile(
  [
    {
      name: 'cases.last_contact_at',
      kept: sql`SELECT id::text, last_contact_at FROM cases ORDER BY id`,
      derived: sql`
        SELECT c.id::text, (SELECT max(ce.occurred_at) FROM case_events ce WHERE ce.case_id = c.id AND ce.kind IN (${kinds}))
          AS last_contact_at
        FROM cases c ORDER BY c.id`,
    },
    {
      name: 'plan_items.last_reported_on',
      kept: sql`SELECT id::text, last_reported_on::text FROM plan_items ORDER BY id`,
      derived: sql`
        SELECT pi.id::text, (SELECT max(sr.supported_on) FROM support_reports sr WHERE sr.plan_item_id = pi.id)::text
          AS last_reported_on
        FROM plan_items pi ORDER BY pi.id`,
    },
  ],
  tenantOfFirst('cases'),
);

describe('cases.last_contact_at and plan_items.last_reported_on', () => {
  it('are written for the contact kinds of 記録なし (src/domain/caseSearch.ts)', () => {
    expect([...contactKinds].sort()).toEqual([...contactEventKinds].sort());
  });

  it('hold the seeded timeline and reports', async () => {
    const [contacts, reports] = (await file.snapshot()) as [
      { last_contact_at: unknown }[],
      { last_reported_on: unknown }[],
    ];
    expect(contacts.some((r) => r.last_contact_at !== null)).toBe(true);
    expect(reports.some((r) => r.last_reported_on !== null)).toBe(true);
    await file.expectKeptMatchDerived();
  });

  it('follow bulk inserts, updates of every column they derive from, an update of none, and deletes', async () => {
    const later = sql`occurred_at + interval '40 days'`;
    const contact = await insertCopies(
      file.db,
      'case_events',
      5,
      { occurred_at: later },
      sql<boolean>`kind IN (${kinds})`,
    );
    const other = await insertCopies(
      file.db,
      'case_events',
      2,
      { occurred_at: later },
      sql<boolean>`kind NOT IN (${kinds})`,
    );
    const events = [...contact, ...other];
    // the seed has few reports: copies of copies, so that later statements move several at once
    const reports: string[] = [];
    for (let round = 0; round < 3; round += 1)
      reports.push(
        ...(await insertCopies(file.db, 'support_reports', 6, { supported_on: sql`supported_on + 45` })),
      );
    expect(contact.length).toBeGreaterThanOrEqual(3);
    expect(other.length).toBeGreaterThanOrEqual(1);
    expect(reports.length).toBeGreaterThanOrEqual(4);
    await file.expectKeptMatchDerived();

    const otherCase = (
      await file.db
        .selectFrom('cases')
        .select('id')
        .where('tenant_id', '=', file.tenantId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
    const otherItem = await file.db
      .selectFrom('plan_items')
      .select(['id', 'case_id'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    // back in time, to another case, from a contact kind to another kind and back
    await sql`UPDATE case_events SET occurred_at = occurred_at - interval '400 days' WHERE id = ${contact[0]}`.execute(
      file.db,
    );
    await sql`UPDATE case_events SET case_id = ${otherCase} WHERE id = ${contact[1]}`.execute(file.db);
    await sql`UPDATE case_events SET kind = 'stageChanged' WHERE id = ${contact[2]}`.execute(file.db);
    await sql`UPDATE case_events SET kind = 'progressNoted' WHERE id = ${other[0]}`.execute(file.db);
    await sql`UPDATE support_reports SET supported_on = supported_on - 400 WHERE id = ANY(${reports.slice(0, 2)}::uuid[])`.execute(
      file.db,
    );
    await sql`UPDATE support_reports SET plan_item_id = ${otherItem.id}, case_id = ${otherItem.case_id}
      WHERE id = ANY(${reports.slice(2, 4)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();

    const before = await file.snapshot();
    await sql`UPDATE case_events SET summary = summary || '（追記）' WHERE id = ANY(${events}::uuid[])`.execute(
      file.db,
    );
    await sql`UPDATE support_reports SET content = content || '（追記）' WHERE id = ANY(${reports}::uuid[])`.execute(
      file.db,
    );
    expect(await file.snapshot()).toEqual(before);

    await sql`DELETE FROM case_events WHERE id = ANY(${events.slice(0, 3)}::uuid[])`.execute(file.db);
    await sql`DELETE FROM support_reports WHERE id = ANY(${reports.slice(0, 3)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
    await sql`DELETE FROM case_events WHERE id = ANY(${events.slice(3)}::uuid[])`.execute(file.db);
    await sql`DELETE FROM support_reports WHERE id = ANY(${reports.slice(3)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
  });

  it('fall back to NULL when the last entry or report goes', async () => {
    const item = await file.db
      .selectFrom('plan_items')
      .select(['id', 'case_id'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const [report] = await insertCopies(file.db, 'support_reports', 1, {
      plan_item_id: sql.lit(item.id),
      case_id: sql.lit(item.case_id),
    });
    const kept = () =>
      file.db
        .selectFrom('plan_items')
        .select('last_reported_on')
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow();
    expect((await kept()).last_reported_on).not.toBeNull();
    await sql`DELETE FROM support_reports WHERE plan_item_id = ${item.id}`.execute(file.db);
    expect((await kept()).last_reported_on).toBeNull();
    expect(report).toBeDefined();
    await file.expectKeptMatchDerived();
  });

  it('are kept by writes of the request role under row-level security', async () => {
    await asRequestRole(file.db, file.tenantId, async (tx) => {
      const events = await insertCopies(
        tx,
        'case_events',
        4,
        { occurred_at: sql`occurred_at + interval '200 days'` },
        sql<boolean>`kind IN (${kinds})`,
      );
      const reports = await insertCopies(tx, 'support_reports', 4, { supported_on: sql`supported_on + 200` });
      await sql`UPDATE case_events SET occurred_at = occurred_at - interval '300 days' WHERE id = ${events[0]}`.execute(
        tx,
      );
      await sql`DELETE FROM case_events WHERE id = ${events[1]}`.execute(tx);
      await sql`UPDATE support_reports SET supported_on = supported_on - 300 WHERE id = ${reports[0]}`.execute(
        tx,
      );
      await sql`DELETE FROM support_reports WHERE id = ${reports[1]}`.execute(tx);
    });
    await file.expectKeptMatchDerived();
  });

  itSurvivesRollbackAndRestore(file, async (tx) => {
    await insertCopies(tx, 'case_events', 4, { occurred_at: sql`occurred_at + interval '500 days'` });
    await insertCopies(tx, 'support_reports', 4, { supported_on: sql`supported_on + 500` });
  });
});
