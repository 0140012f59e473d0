import { type Kysely, sql } from 'kysely';

/**
 * Indexes for the whole-city reads of issue 10 (the coordinator's home and the 年度 statistics):
 *
 * - `case_events (tenant_id, kind, occurred_at)`: the 中断 (suspended) entries of a period, which
 *   were found by reading every timeline entry of the tenant;
 * - `support_reports (tenant_id, supported_on)`: the reports of the last 30 days, which tell the
 *   plan items whose report is not due (the home's 支援報告期限超過 reads them once, instead of the
 *   latest report of every plan item).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX case_events_tenant_kind_idx ON case_events (tenant_id, kind, occurred_at)`.execute(
    db,
  );
  await sql`CREATE INDEX support_reports_tenant_day_idx ON support_reports (tenant_id, supported_on)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
