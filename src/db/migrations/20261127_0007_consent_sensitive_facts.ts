import { type Kysely, sql } from 'kysely';

/**
 * Consent in full and 要配慮個人情報 held apart (issue 4), and the case marker 犯罪をした者等 (issue 5):
 * - consents gain who withdrew them and on which day (withdrawn_at / withdrawal_reason exist since
 *   0002) and, per case, which organisations lost access by the withdrawal;
 * - consent_scans: one scanned form per consent, with its SHA-256;
 * - sensitive_facts and sensitive_fact_grants: offence history, illness, disability and DV
 *   victimisation, each visible only to the organisations granted it. An `offence` fact attached
 *   to a case is the case's 犯罪をした者等 marker.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'));

  await db.schema
    .alterTable('consents')
    .addColumn('withdrawn_on', 'date')
    .addColumn('withdrawn_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('withdrawal_effects', 'jsonb')
    .execute();

  await id(db.schema.createTable('consent_scans'))
    .addColumn('consent_id', 'uuid', (c) => c.notNull().references('consents.id').unique())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await id(db.schema.createTable('sensitive_facts'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subtype', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_by_organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'sensitive_facts_kind_check',
      sql`kind IN ('offence', 'illness', 'disability', 'dvVictim') AND (subtype IS NULL OR kind = 'offence')`,
    )
    .execute();
  await sql`CREATE INDEX sensitive_facts_person_idx ON sensitive_facts (person_id, created_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX sensitive_facts_case_idx ON sensitive_facts (case_id, kind) WHERE case_id IS NOT NULL`.execute(
    db,
  );

  await id(db.schema.createTable('sensitive_fact_grants'))
    .addColumn('fact_id', 'uuid', (c) => c.notNull().references('sensitive_facts.id'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('source_id', 'uuid')
    .addColumn('granted_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('users.id'))
    .execute();
  // one grant in force per fact and organisation; the visibility check reads (organisation, fact)
  await sql`CREATE UNIQUE INDEX sensitive_fact_grants_active_key ON sensitive_fact_grants (fact_id, organization_id) WHERE revoked_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX sensitive_fact_grants_org_idx ON sensitive_fact_grants (organization_id, fact_id) WHERE revoked_at IS NULL`.execute(
    db,
  );
}
