import { type Kysely, sql } from 'kysely';

/**
 * Issue #12: 参加支援 placements (docs/resources.md "参加支援"). A placement puts a person of a case
 * with a resource of the directory, optionally for one of the plan's items; its events (見学, 体験,
 * 利用開始, the person's and the host's follow-ups, 終了 with a reason) are kept in order. Both belong
 * to the case: they are seen exactly by the organisations taking part in it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('placements')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id'))
    .addColumn('plan_item_id', 'uuid', (c) => c.references('plan_items.id'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('workExperience', 'ibasho', 'volunteering', 'employment', 'other')`),
    )
    .addColumn('stage', 'text', (c) =>
      c.notNull().check(sql`stage IN ('arranging', 'trial', 'active', 'ended')`),
    )
    .addColumn('note', 'text')
    .addColumn('started_on', 'date')
    .addColumn('ended_on', 'date')
    .addColumn('end_reason', 'text')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('placements_case_idx').on('placements').columns(['case_id']).execute();
  await db.schema.createIndex('placements_resource_idx').on('placements').columns(['resource_id']).execute();

  await db.schema
    .createTable('placement_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('placement_id', 'uuid', (c) => c.notNull().references('placements.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('visit', 'trial', 'start', 'followUp', 'end')`),
    )
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.check(sql`party IS NULL OR party IN ('person', 'host')`))
    .addColumn('end_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('placement_events_placement_idx')
    .on('placement_events')
    .columns(['placement_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
