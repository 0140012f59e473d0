import { type Kysely, sql } from 'kysely';

/**
 * Issue #13: retention and disposal (保存期間・廃棄, docs/retention.md).
 *
 * - `retention_rules`: the city's retention period per record kind, one row per tenant (absent: the
 *   defaults of src/domain/retention.ts).
 * - `cases.retention_hold_*`: a hold (e.g. a lawsuit or a 開示請求 in progress) keeps a closed case
 *   from the disposal list until it is lifted.
 * - `cases.disposed_at`, `consultations.disposed_at`: a disposed record stays as an anonymous row (codes,
 *   dates, organisations; no person, no free text) so that the 年度 statistics stay what they were;
 *   its person reference becomes null, hence the dropped NOT NULLs.
 * - `disposals`: one row per approved disposal, without personal data: when, who approved, how many
 *   of each kind, the case numbers — the auditor's report (disposals.report) reads it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('retention_rules')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id'))
    .addColumn('case_years', 'integer', (c) => c.notNull().check(sql`case_years BETWEEN 1 AND 100`))
    .addColumn('consultation_years', 'integer', (c) =>
      c.notNull().check(sql`consultation_years BETWEEN 1 AND 100`),
    )
    .addColumn('person_years', 'integer', (c) => c.notNull().check(sql`person_years BETWEEN 1 AND 100`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable('cases')
    .addColumn('disposed_at', 'timestamptz')
    .addColumn('retention_hold_reason', 'text')
    .addColumn('retention_hold_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('retention_hold_at', 'timestamptz')
    .execute();
  await sql`ALTER TABLE cases ALTER COLUMN primary_person_id DROP NOT NULL`.execute(db);
  await db.schema.alterTable('consultations').addColumn('disposed_at', 'timestamptz').execute();
  await sql`ALTER TABLE consultations ALTER COLUMN person_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE placements ALTER COLUMN person_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE cases ADD CONSTRAINT cases_person_unless_disposed
    CHECK (primary_person_id IS NOT NULL OR disposed_at IS NOT NULL)`.execute(db);
  await sql`ALTER TABLE consultations ADD CONSTRAINT consultations_person_unless_disposed
    CHECK (person_id IS NOT NULL OR disposed_at IS NOT NULL)`.execute(db);

  await db.schema
    .createTable('disposals')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('approved_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('approved_at', 'timestamptz', (c) => c.notNull())
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('case_count', 'integer', (c) => c.notNull())
    .addColumn('consultation_count', 'integer', (c) => c.notNull())
    .addColumn('person_count', 'integer', (c) => c.notNull())
    .addColumn('case_numbers', sql`text[]`, (c) => c.notNull())
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX disposals_tenant_idx ON disposals (tenant_id, approved_at DESC)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
