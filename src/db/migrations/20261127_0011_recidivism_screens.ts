import { type Kysely, sql } from 'kysely';

/**
 * What the recidivism-plan screens need beside the 0006 schema: the history of lifted year locks
 * (who unlocked a 年度, when, why, and whose lock it was) and files attached to council meetings
 * (会議資料), held in the database so a backup carries them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('progress_year_unlocks')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('recidivism_plans.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('locked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('unlocked_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('unlocked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX progress_year_unlocks_year_idx ON progress_year_unlocks (plan_id, fiscal_year, unlocked_at DESC)`.execute(
    db,
  );

  await db.schema
    .createTable('council_meeting_attachments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('council_meetings.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE INDEX council_meeting_attachments_meeting_idx ON council_meeting_attachments (meeting_id, created_at, id)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
