import type { Kysely } from 'kysely';
import { caseTally, createTally, type Tally } from './tally.ts';

/**
 * Monthly tallies of handovers and cases for the city-wide 年度 statistics, as the consultations'
 * (migration 20261203_0102): the whole-city report sums a few rows a month instead of reading every
 * handover and case of the year (at ten times city scale, 50,000 of each and about 33 ms a read).
 *
 * - `handover_tallies`: per tenant, month of creation (Asia/Tokyo), sending organisation, status and
 *   days from creation to decision (NULL while undecided), how many handovers.
 * - `case_tallies`: per tenant, month accepted, month closed (NULL while open) and closure reason,
 *   how many cases; the cases open at a month's end follow (accepted by then, not closed by then).
 *
 * Kept by statement-level triggers in the same transaction as every INSERT, UPDATE and DELETE (an
 * update that moves no row between keys changes nothing), checked against the records by
 * `tests/db/handoverCaseTallies.test.ts`. Derived data: backups leave them out and a restore rebuilds
 * them as it inserts the rows (src/db/backup.ts). Rows whose count fell to zero are kept.
 */

const tallies: Tally[] = [
  {
    table: 'handover_tallies',
    source: 'handovers',
    keys: [
      ['tenant_id', 'uuid NOT NULL REFERENCES tenants (id)', 'tenant_id'],
      ['month', 'date NOT NULL', "date_trunc('month', created_at AT TIME ZONE 'Asia/Tokyo')::date"],
      ['organization_id', 'uuid NOT NULL', 'from_organization_id'],
      ['status', 'text NOT NULL', 'status'],
      [
        'days',
        'integer',
        "(decided_at AT TIME ZONE 'Asia/Tokyo')::date - (created_at AT TIME ZONE 'Asia/Tokyo')::date",
      ],
    ],
  },
  caseTally,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const tally of tallies) await createTally(db, tally);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
