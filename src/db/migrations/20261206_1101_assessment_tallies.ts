import { type Kysely, sql } from 'kysely';
import { caseMonths, caseTally, countMovesByRow, createTally } from './tally.ts';

/**
 * The cases' latest 課題整理 tallied for the city-wide 年度 statistics: `assessment_tallies` holds,
 * per tenant, month accepted, month closed (NULL while open), 世帯の状況 (household flags) and 課題
 * (issue codes) of the case's latest 課題整理 (NULL without one, migration 20261205_2101), how many
 * cases. The statistics count the cases open at some time of the period by household pattern and
 * by issue area; over whole months, a case accepted by the period's last day and not closed before
 * its first is one accepted in a month up to the last and not closed in a month before the first,
 * so the whole city's figures sum these rows (at ten times city scale about 14,000, against the
 * 45,000 cases a 年度's read of the cases went through, grouping each by its two lists).
 *
 * Kept as the cases' monthly tallies are (src/db/migrations/tally.ts), in the same transaction as
 * every write of a case, including the updates the 課題整理's own triggers make when an assessment
 * is recorded, revised or removed: inserts and deletes by statement triggers, updates by a row
 * trigger that PostgreSQL calls only when a column the keys come from changed. The cases' monthly
 * tallies now count updates the same way (their statement trigger was called by every update of a
 * case, about a tenth of a millisecond each). Checked against the records by
 * `tests/db/handoverCaseTallies.test.ts` and `tests/db/latestAssessment.test.ts`. Derived data: backups
 * leave it out and a restore rebuilds it as it inserts the cases (src/db/backup.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTally(db, {
    table: 'assessment_tallies',
    source: 'cases',
    keys: [
      ...caseMonths,
      ['household_flags', 'text[]', 'assessed_household_flags'],
      ['issues', 'text[]', 'assessed_issues'],
    ],
    movedBy: ['tenant_id', 'accepted_on', 'closed_on', 'assessed_household_flags', 'assessed_issues'],
  });
  // planner statistics now, not at the next maintenance: read by a GROUP BY that needs its row count
  await sql`ANALYZE assessment_tallies`.execute(db);

  // The cases' monthly tallies likewise: their statement trigger was called by every update of a
  // case, and a case's last contact moves with every support report, progress note and meeting.
  await sql`DROP TRIGGER case_tallies_update ON cases`.execute(db);
  await countMovesByRow(db, caseTally, ['tenant_id', 'accepted_on', 'closed_on', 'closure_reason']);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
