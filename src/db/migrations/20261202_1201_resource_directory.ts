import { type Kysely, sql } from 'kysely';

/**
 * Issue #12: the 社会資源 directory, modelled on Open Referral HSDS 3.0 (docs/resources.md).
 *
 * - resource_organizations: who provides resources (HSDS organization), kept apart from Kasane's
 *   own `organizations` (the bodies whose staff sign in): a 子ども食堂 or a 協力雇用主 is in the
 *   directory without ever having users.
 * - resources: one HSDS service each — what, for whom (eligibility, ages), cost, how to apply, its
 *   kinds (tags) and the needs it meets; its locations (with 校区 and 地区), schedules and contacts
 *   are held as JSON arrays on the row, each element with its own HSDS id, and the 校区/地区 of its
 *   locations are copied into arrays for searching by area.
 * - `hsds_id` is the id a record has in the HSDS exchange: its own id when made here, the file's
 *   id when imported, so an export imported elsewhere and exported again gives the same file.
 * - hsds_api_tokens: read-only tokens for the HSDS export (stored as SHA-256, shown once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resource_organizations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('hsds_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('alternate_name', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('resource_organizations_hsds_key', ['tenant_id', 'hsds_id'])
    .execute();
  await db.schema
    .createIndex('resource_organizations_name_idx')
    .on('resource_organizations')
    .columns(['tenant_id', 'name'])
    .execute();

  await db.schema
    .createTable('resources')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('hsds_id', 'uuid', (c) => c.notNull())
    .addColumn('resource_organization_id', 'uuid', (c) => c.notNull().references('resource_organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('alternate_name', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('active', 'inactive', 'defunct', 'temporarily closed')`),
    )
    .addColumn('kinds', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('needs', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('eligibility_description', 'text')
    .addColumn('minimum_age', 'integer')
    .addColumn('maximum_age', 'integer')
    .addColumn('fees_description', 'text')
    .addColumn('application_process', 'text')
    .addColumn('url', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('locations', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('schedules', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('contacts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('school_districts', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('districts', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('assured_on', 'date')
    .addColumn('last_modified', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('resources_hsds_key', ['tenant_id', 'hsds_id'])
    .addCheckConstraint(
      'resources_ages',
      sql`minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age`,
    )
    .execute();
  await db.schema
    .createIndex('resources_tenant_name_idx')
    .on('resources')
    .columns(['tenant_id', 'name'])
    .execute();
  await sql`CREATE INDEX resources_kinds_idx ON resources USING gin (kinds)`.execute(db);
  await sql`CREATE INDEX resources_school_districts_idx ON resources USING gin (school_districts)`.execute(
    db,
  );

  await db.schema
    .createTable('hsds_api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
