import { type RawBuilder, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { assessmentTallies } from '../support/assessmentTallies.ts';
import { derivedDataFile, itSurvivesRollbackAndRestore } from '../support/derivedData.ts';
import { asRequestRole, insertCopies } from '../support/testDatabase.ts';

/**
 * The handovers' and cases' monthly tallies (migration 20261205_2001) and the cases' by their latest
 * 課題整理 (20261206_1101), which the city-wide statistics read instead of the records: after every
 * kind of write — inserts, updates that move rows between months, decide or close them or move none,
 * deletes, a rolled-back write, writes by the request role under row-level security, a backup and
 * restore — they hold exactly what counting the records gives.
 * (tests/api/statistics.test.ts checks the figures the statistics make of them.)
 */

const file = derivedDataFile([
  {
    name: 'handover_tallies',
    kept: sql`SELECT tenant_id::text, month::text, organization_id::text, status, days, n
      FROM handover_tallies WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`,
    derived: sql`SELECT tenant_id::text, date_trunc('month', created_at AT TIME ZONE 'Asia/Tokyo')::date::text AS month,
        from_organization_id::text AS organization_id, status,
        (decided_at AT TIME ZONE 'Asia/Tokyo')::date - (created_at AT TIME ZONE 'Asia/Tokyo')::date AS days,
        count(*)::int AS n
      FROM handovers GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
  },
  {
    name: 'case_tallies',
    kept: sql`SELECT tenant_id::text, accepted_month::text, closed_month::text, closure_reason, n
      FROM case_tallies WHERE n <> 0 ORDER BY 1, 2, 3, 4`,
    derived: sql`SELECT tenant_id::text, date_trunc('month', accepted_on::timestamp)::date::text AS accepted_month,
        date_trunc('month', closed_on::timestamp)::date::text AS closed_month, closure_reason, count(*)::int AS n
      FROM cases GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  },
  assessmentTallies,
]);

/** Copies of cases need numbers of their own. */
const caseCopy = { case_number: sql`case_number || '-' || substr(gen_random_uuid()::text, 1, 8)` };

describe('handover_tallies and case_tallies', () => {
  it('hold the seeded handovers and cases', async () => {
    const [handovers, cases, assessments] = await file.snapshot();
    expect(handovers?.length).toBeGreaterThan(0);
    expect(cases?.length).toBeGreaterThan(0);
    expect(assessments?.length).toBeGreaterThan(0);
    await file.expectKeptMatchDerived();
  });

  it('follow inserts, updates of every counted column, an update of none, and deletes', async () => {
    // six of each (the seed may hold fewer: copies of copies make up the number)
    const sixCopies = async (table: 'handovers' | 'cases', changed: Record<string, RawBuilder<unknown>>) => {
      const ids: string[] = [];
      while (ids.length < 6) ids.push(...(await insertCopies(file.db, table, 6 - ids.length, changed)));
      return ids;
    };
    const handovers = await sixCopies('handovers', { created_at: sql`created_at + interval '40 days'` });
    const cases = await sixCopies('cases', { ...caseCopy, accepted_on: sql`accepted_on + 35` });
    expect(handovers).toHaveLength(6);
    expect(cases).toHaveLength(6);
    await file.expectKeptMatchDerived();

    // handovers: moved between months, decided (accepted, returned) and made pending again
    await sql`UPDATE handovers SET created_at = created_at + interval '95 days' WHERE id = ANY(${handovers.slice(0, 2)}::uuid[])`.execute(
      file.db,
    );
    await sql`UPDATE handovers SET status = 'accepted', decided_at = created_at + interval '3 days'
      WHERE id = ANY(${handovers.slice(1, 4)}::uuid[])`.execute(file.db);
    await sql`UPDATE handovers SET status = 'returned', decided_at = created_at + interval '10 hours'
      WHERE id = ${handovers[4]}`.execute(file.db);
    await sql`UPDATE handovers SET status = 'pending', decided_at = NULL WHERE id = ${handovers[1]}`.execute(
      file.db,
    );
    // cases: closed with reasons, one reopened, accepted a month earlier
    await sql`UPDATE cases SET closed_on = accepted_on + 60, closure_reason = 'resolved'
      WHERE id = ANY(${cases.slice(0, 3)}::uuid[])`.execute(file.db);
    await sql`UPDATE cases SET closed_on = accepted_on + 5, closure_reason = 'transferred' WHERE id = ${cases[3]}`.execute(
      file.db,
    );
    await sql`UPDATE cases SET closed_on = NULL, closure_reason = NULL WHERE id = ${cases[0]}`.execute(
      file.db,
    );
    await sql`UPDATE cases SET accepted_on = accepted_on - 31 WHERE id = ANY(${cases.slice(2, 5)}::uuid[])`.execute(
      file.db,
    );
    await file.expectKeptMatchDerived();

    const before = await file.snapshot();
    await sql`UPDATE handovers SET reason = reason || '（追記）' WHERE id = ANY(${handovers}::uuid[])`.execute(
      file.db,
    );
    await sql`UPDATE cases SET updated_at = updated_at + interval '1 minute' WHERE id = ANY(${cases}::uuid[])`.execute(
      file.db,
    );
    expect(await file.snapshot()).toEqual(before);

    await sql`DELETE FROM handovers WHERE id = ANY(${handovers}::uuid[])`.execute(file.db);
    await sql`DELETE FROM cases WHERE id = ANY(${cases.slice(0, 3)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
    await sql`DELETE FROM cases WHERE id = ANY(${cases.slice(3)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
  });

  it('are kept by writes of the request role under row-level security', async () => {
    await asRequestRole(file.db, file.tenantId, async (tx) => {
      const handovers = await insertCopies(tx, 'handovers', 3);
      const cases = await insertCopies(tx, 'cases', 3, caseCopy);
      await sql`UPDATE handovers SET status = 'accepted', decided_at = created_at + interval '2 days'
        WHERE id = ${handovers[0]}`.execute(tx);
      await sql`UPDATE cases SET closed_on = accepted_on + 40, closure_reason = 'resolved' WHERE id = ${cases[0]}`.execute(
        tx,
      );
      await sql`DELETE FROM handovers WHERE id = ${handovers[1]}`.execute(tx);
      await sql`DELETE FROM cases WHERE id = ${cases[1]}`.execute(tx);
    });
    await file.expectKeptMatchDerived();
  });

  itSurvivesRollbackAndRestore(
    file,
    async (tx) => {
      await insertCopies(tx, 'handovers', 3);
      await insertCopies(tx, 'cases', 3, caseCopy);
    },
    ['handover_tallies', 'case_tallies'],
  );
});
