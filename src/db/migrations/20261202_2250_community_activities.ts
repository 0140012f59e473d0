import { type Kysely, sql } from 'kysely';

/**
 * Issue #12: 地域づくりに向けた支援 (docs/resources.md "地域づくり"). An activity (サロン, 子ども食堂, 居場所 …)
 * is held at a 拠点, which may be a resource of the directory; its sessions are recorded with the date,
 * the number of participants and the organisations that took part — aggregate figures only, never a
 * person. Tenant-wide records, kept by the coordinating section and 地域福祉課.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('community_activities')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind IN ('salon', 'childrenCafeteria', 'ibasho', 'kayoinoba', 'learningSupport', 'other')`,
        ),
    )
    .addColumn('place_name', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'uuid', (c) => c.references('resources.id'))
    .addColumn('school_district', 'text')
    .addColumn('district', 'text')
    .addColumn('organizer', 'text')
    .addColumn('note', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('community_activities_tenant_name_idx')
    .on('community_activities')
    .columns(['tenant_id', 'name'])
    .execute();

  await db.schema
    .createTable('community_activity_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('community_activities.id'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull().check(sql`participants >= 0`))
    .addColumn('organizations', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('community_activity_sessions_activity_idx')
    .on('community_activity_sessions')
    .columns(['activity_id', 'held_on'])
    .execute();
  await db.schema
    .createIndex('community_activity_sessions_tenant_held_idx')
    .on('community_activity_sessions')
    .columns(['tenant_id', 'held_on'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
