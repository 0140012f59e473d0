import { type Kysely, sql } from 'kysely';

/**
 * Steps ③(plan) ④ ⑤ of the support flow and the task list: what 0002 left for plans, reports,
 * monitoring and "my tasks".
 *
 * - At most one draft and one approved (current) plan per case, enforced by the database so that
 *   two coordinators pressing the button at once cannot both win.
 * - An index for the monitoring-due task query. The support-report list of a case and "my plan
 *   items" are served by 0002's support_reports_case_idx and plan_items_org_idx; nothing is added
 *   on support_reports, whose inserts are the hot path.
 * - A monitoring that closes or suspends the case keeps its own reason and evaluation (the case
 *   row holds only the latest closure).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE UNIQUE INDEX support_plans_one_draft_idx ON support_plans (case_id) WHERE status = 'draft'`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX support_plans_one_approved_idx ON support_plans (case_id) WHERE status = 'approved'`.execute(
    db,
  );
  await sql`CREATE INDEX cases_monitoring_due_idx ON cases (tenant_id, coordinating_organization_id, next_monitoring_on)
    WHERE next_monitoring_on IS NOT NULL`.execute(db);
  await db.schema
    .alterTable('monitorings')
    .addColumn('closure_reason', 'text')
    .addColumn('closure_evaluation', 'text')
    .addColumn('suspension_reason', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
