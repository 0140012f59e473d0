import { type Kysely, sql } from 'kysely';
import { POLICY_NAME } from '../rowLevelSecurity.ts';

/**
 * Row-level security policies that read the tenant setting once per query (issue 15): the policies
 * of ADR 0003 compared `tenant_id` with `current_setting(…)::uuid`, a function call evaluated row by
 * row. They are dropped here; `applyRowLevelSecurity`, which runs after every migration run, creates
 * them again with `(SELECT current_setting(…))::uuid`, an InitPlan evaluated once per query whose
 * value can serve as an index condition on a tenant_id column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ table: string }>`
    SELECT c.relname AS table FROM pg_policy p
      JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND p.polname = ${POLICY_NAME}`.execute(db);
  for (const { table } of rows)
    await sql.raw(`DROP POLICY ${POLICY_NAME} ON "${table.replaceAll('"', '""')}"`).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
