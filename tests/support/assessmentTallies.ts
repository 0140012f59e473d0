import { sql } from 'kysely';
import type { Derivation } from './derivedData.ts';

/**
 * `assessment_tallies` (migration 20261206_1101) beside the cases it counts: the test files that
 * write cases and their 課題整理 check it with what they derive.
 */
export const assessmentTallies: Derivation = {
  name: 'assessment_tallies',
  kept: sql`SELECT tenant_id::text, accepted_month::text, closed_month::text, household_flags, issues, n
    FROM assessment_tallies WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`,
  derived: sql`SELECT tenant_id::text, date_trunc('month', accepted_on::timestamp)::date::text AS accepted_month,
      date_trunc('month', closed_on::timestamp)::date::text AS closed_month,
      assessed_household_flags AS household_flags, assessed_issues AS issues, count(*)::int AS n
    FROM cases GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
};
