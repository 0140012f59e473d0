import { type Kysely, type RawBuilder, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.ts';
import { assessmentTallies } from '../support/assessmentTallies.ts';
import { derivedDataFile, itSurvivesRollbackAndRestore, tenantOfFirst } from '../support/derivedData.ts';
import { asRequestRole, insertCopies } from '../support/testDatabase.ts';

/**
 * The latest 課題整理 kept on each case by triggers (migration 20261205_2101), and the tally of the
 * cases by it that the statistics read (20261206_1101):
 * `cases.assessed_household_flags` and `cases.assessed_issues` are those of the case's assessment of
 * the highest version, NULL without one. After every kind of write — bulk inserts, updates that move
 * a version, move an assessment to another case, change its flags or issues or touch nothing they
 * derive from, deletes, a rolled-back write, writes of the request role under row-level security, a
 * backup and restore — they hold exactly what the assessments give.
 */

// the tenant of the seeded casework
const file = derivedDataFile(
  [
    {
      name: 'cases.assessed_household_flags and assessed_issues',
      kept: sql`SELECT id::text, assessed_household_flags AS flags, assessed_issues AS issues FROM cases ORDER BY id`,
      derived: sql`
        SELECT c.id::text, la.household_flags AS flags, la.issues
        FROM cases c LEFT JOIN LATERAL (SELECT a.household_flags, a.issues FROM assessments a
                                        WHERE a.case_id = c.id ORDER BY a.version DESC LIMIT 1) la ON true
        ORDER BY c.id`,
    },
    assessmentTallies,
  ],
  tenantOfFirst('cases'),
);
beforeAll(async () => {
  // nine cases at least (copies of copies of the seeded ones, with numbers of their own and, having
  // no 課題整理 yet, none kept)
  for (let n = await caseCount(); n < 9; n = await caseCount())
    await insertCopies(file.db, 'cases', 9 - n, {
      case_number: sql`case_number || '-' || substr(gen_random_uuid()::text, 1, 8)`,
      assessed_household_flags: sql`NULL`,
      assessed_issues: sql`NULL`,
    });
  // 課題整理 for two cases in three that have none, a second version for every other one; the rest
  // stay without
  await sql`
    INSERT INTO assessments (id, tenant_id, case_id, version, issues, household_flags, relations, recorded_by)
    SELECT gen_random_uuid(), c.tenant_id, c.id, v, ARRAY['issue' || v, 'common'], ARRAY['flag' || (c.n % 4)],
      '[]'::jsonb, (SELECT u.id FROM users u WHERE u.tenant_id = c.tenant_id ORDER BY u.id LIMIT 1)
    FROM (SELECT c.*, row_number() OVER (ORDER BY c.id) AS n FROM cases c
          WHERE c.tenant_id = ${file.tenantId} AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = c.id)) c,
      generate_series(1, 2) AS v
    WHERE c.n % 3 <> 0 AND (v = 1 OR c.n % 2 = 0)`.execute(file.db);
});

const caseCount = async () =>
  Number(
    (
      await sql<{ n: string }>`SELECT count(*) AS n FROM cases WHERE tenant_id = ${file.tenantId}`.execute(
        file.db,
      )
    ).rows[0]?.n,
  );

/** Later versions of some assessments, with flags and issues of their own. */
const laterVersions = (executor: Kysely<DB>, count: number, step: number, where?: RawBuilder<boolean>) =>
  insertCopies(
    executor,
    'assessments',
    count,
    {
      version: sql`version + ${sql.lit(step)}`,
      household_flags: sql`ARRAY['generated${sql.raw(String(step))}']::text[]`,
      issues: sql`issues || ARRAY['later${sql.raw(String(step))}']::text[]`,
    },
    where,
  );

describe('cases.assessed_household_flags and cases.assessed_issues', () => {
  it('hold the seeded 課題整理, and NULL for a case without one', async () => {
    const [rows = []] = (await file.snapshot()) as { flags: string[] | null; issues: string[] | null }[][];
    expect(rows.some((r) => r.issues !== null)).toBe(true);
    expect(rows.some((r) => r.issues === null)).toBe(true);
    await file.expectKeptMatchDerived();
  });

  it('follow bulk inserts, updates of every column they derive from, an update of none, and deletes', async () => {
    const added = await laterVersions(file.db, 6, 100);
    await file.expectKeptMatchDerived();
    // the copies that are now the latest of their cases (one case may have got two)
    const { rows: latestOfCase } = await sql<{ id: string }>`
      SELECT a.id FROM assessments a WHERE a.id = ANY(${added}::uuid[])
        AND NOT EXISTS (SELECT 1 FROM assessments b WHERE b.case_id = a.case_id AND b.version > a.version)
      ORDER BY a.id`.execute(file.db);
    expect(latestOfCase.length).toBeGreaterThanOrEqual(3);
    const [first, second, third] = latestOfCase.map((r) => r.id);

    // a later version goes back below the others of its case: the one before is the latest again
    await sql`UPDATE assessments SET version = 0 WHERE id = ${first}`.execute(file.db);
    await file.expectKeptMatchDerived();
    // to a case without a 課題整理
    const bare = await file.db
      .selectFrom('cases')
      .select('id')
      .where('assessed_issues', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await sql`UPDATE assessments SET case_id = ${bare.id} WHERE id = ${second}`.execute(file.db);
    await file.expectKeptMatchDerived();
    // new flags and issues on the latest version
    await sql`UPDATE assessments SET household_flags = ARRAY['changed'], issues = ARRAY['changed']
        WHERE id = ${third}`.execute(file.db);
    await file.expectKeptMatchDerived();

    const before = await file.snapshot();
    await sql`UPDATE assessments SET summary = COALESCE(summary, '') || '（追記）' WHERE id = ANY(${added}::uuid[])`.execute(
      file.db,
    );
    expect(await file.snapshot()).toEqual(before);

    await sql`DELETE FROM assessments WHERE id = ANY(${added.slice(2)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
    await sql`DELETE FROM assessments WHERE id = ANY(${added.slice(0, 2)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
  });

  it('fall back to NULL when the last 課題整理 of a case goes', async () => {
    const assessed = await file.db
      .selectFrom('assessments')
      .select('case_id')
      .orderBy('case_id')
      .executeTakeFirstOrThrow();
    const kept = () =>
      file.db
        .selectFrom('cases')
        .select(['assessed_household_flags', 'assessed_issues'])
        .where('id', '=', assessed.case_id)
        .executeTakeFirstOrThrow();
    expect((await kept()).assessed_issues).not.toBeNull();
    await sql`DELETE FROM assessments WHERE case_id = ${assessed.case_id}`.execute(file.db);
    expect(await kept()).toEqual({ assessed_household_flags: null, assessed_issues: null });
    await file.expectKeptMatchDerived();
  });

  it('are kept by writes of the request role under row-level security', async () => {
    await asRequestRole(file.db, file.tenantId, async (tx) => {
      const added = await laterVersions(tx, 4, 300, sql<boolean>`tenant_id = ${file.tenantId}`);
      await sql`UPDATE assessments SET version = version + 1000 WHERE id = ${added[0]}`.execute(tx);
      await sql`DELETE FROM assessments WHERE id = ${added[1]}`.execute(tx);
    });
    await file.expectKeptMatchDerived();
  });

  itSurvivesRollbackAndRestore(file, async (tx) => {
    await laterVersions(tx, 4, 200);
  });
});
