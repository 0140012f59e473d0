import { type Kysely, sql } from 'kysely';

/**
 * The support flow (支援の流れ ①–⑤): persons and households, consultations at any counter,
 * referrals (つなぎ), handovers (引継ぎ), cases with their participants (who may see them),
 * assessments, consents, meetings, versioned support plans, support reports, monitoring and the
 * case timeline. Every table carries tenant_id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'));
  const created = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));

  await created(
    id(db.schema.createTable('meeting_kinds'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
      .addUniqueConstraint('meeting_kinds_tenant_code_key', ['tenant_id', 'code']),
  ).execute();

  await created(
    id(db.schema.createTable('persons'))
      .addColumn('family_name', 'text', (c) => c.notNull())
      .addColumn('given_name', 'text', (c) => c.notNull())
      .addColumn('family_name_kana', 'text', (c) => c.notNull())
      .addColumn('given_name_kana', 'text', (c) => c.notNull())
      // normalised katakana of the full reading (no spaces), for search and duplicate detection
      .addColumn('kana_key', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'date')
      .addColumn('sex', 'text', (c) => c.notNull().defaultTo('unknown'))
      .addColumn('postal_code', 'text')
      .addColumn('address', 'text')
      .addColumn('phones', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('addressee_number', 'text')
      .addColumn('registered_by_organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`)),
  ).execute();
  await sql`CREATE INDEX persons_kana_prefix_idx ON persons (tenant_id, kana_key text_pattern_ops, id)`.execute(
    db,
  );
  await sql`CREATE INDEX persons_kana_trgm_idx ON persons USING gin (kana_key gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX persons_duplicate_idx ON persons (tenant_id, kana_key, birth_date)`.execute(db);
  await sql`CREATE INDEX persons_addressee_idx ON persons (tenant_id, addressee_number) WHERE addressee_number IS NOT NULL`.execute(
    db,
  );

  await created(id(db.schema.createTable('households'))).execute();
  await created(
    id(db.schema.createTable('household_members'))
      .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
      .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
      .addColumn('relation', 'text', (c) => c.notNull())
      .addColumn('living_together', 'boolean', (c) => c.notNull())
      .addColumn('from_date', 'date')
      .addColumn('to_date', 'date')
      .addColumn('note', 'text')
      .addUniqueConstraint('household_members_person_key', ['household_id', 'person_id']),
  ).execute();
  await db.schema
    .createIndex('household_members_person_idx')
    .on('household_members')
    .columns(['person_id'])
    .execute();

  await created(
    id(db.schema.createTable('consultations'))
      .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('received_on', 'date', (c) => c.notNull())
      .addColumn('received_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
      .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
      .addColumn('visitor', 'jsonb')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('topics', sql`text[]`, (c) => c.notNull())
      .addColumn('main_topic', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('wishes', 'text')
      .addColumn('consent_to_share', 'boolean', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'timestamptz'),
  ).execute();
  await sql`CREATE INDEX consultations_org_idx ON consultations (tenant_id, organization_id, received_on DESC, id DESC)`.execute(
    db,
  );
  await db.schema
    .createIndex('consultations_person_idx')
    .on('consultations')
    .columns(['person_id'])
    .execute();

  await created(
    id(db.schema.createTable('referrals'))
      .addColumn('consultation_id', 'uuid', (c) => c.notNull().references('consultations.id'))
      .addColumn('from_organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('to_organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('note', 'text')
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('decided_at', 'timestamptz')
      .addColumn('decline_reason', 'text'),
  ).execute();
  await sql`CREATE INDEX referrals_to_idx ON referrals (tenant_id, to_organization_id, status, created_at)`.execute(
    db,
  );
  await db.schema
    .createIndex('referrals_consultation_idx')
    .on('referrals')
    .columns(['consultation_id'])
    .execute();

  await created(
    id(db.schema.createTable('cases'))
      .addColumn('case_number', 'text', (c) => c.notNull())
      .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
      .addColumn('primary_person_id', 'uuid', (c) => c.notNull().references('persons.id'))
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('coordinating_organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('lead_organization_id', 'uuid', (c) => c.references('organizations.id'))
      .addColumn('accepted_on', 'date', (c) => c.notNull())
      .addColumn('next_monitoring_on', 'date')
      .addColumn('closed_on', 'date')
      .addColumn('closure_reason', 'text')
      .addColumn('closure_evaluation', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('cases_tenant_number_key', ['tenant_id', 'case_number']),
  ).execute();
  await sql`CREATE INDEX cases_list_idx ON cases (tenant_id, updated_at DESC, id DESC)`.execute(db);
  await db.schema.createIndex('cases_person_idx').on('cases').columns(['primary_person_id']).execute();

  await created(
    id(db.schema.createTable('handovers'))
      .addColumn('consultation_id', 'uuid', (c) => c.notNull().references('consultations.id'))
      .addColumn('from_organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('to_organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('services_tried', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('decided_at', 'timestamptz')
      .addColumn('return_reason', 'text')
      .addColumn('case_id', 'uuid', (c) => c.references('cases.id')),
  ).execute();
  await sql`CREATE INDEX handovers_to_idx ON handovers (tenant_id, to_organization_id, status, created_at)`.execute(
    db,
  );
  await db.schema
    .createIndex('handovers_consultation_idx')
    .on('handovers')
    .columns(['consultation_id'])
    .execute();

  await db.schema
    .createTable('case_persons')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('is_target', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_persons_pkey', ['case_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('case_persons_person_idx')
    .on('case_persons')
    .columns(['person_id', 'case_id'])
    .execute();

  await created(
    id(db.schema.createTable('meetings'))
      .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
      .addColumn('kind_id', 'uuid', (c) => c.notNull().references('meeting_kinds.id'))
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('scheduled_at', 'timestamptz', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('agenda', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('held_at', 'timestamptz')
      .addColumn('minutes', 'text')
      .addColumn('decisions', 'text')
      .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id')),
  ).execute();
  await db.schema
    .createIndex('meetings_case_idx')
    .on('meetings')
    .columns(['case_id', 'scheduled_at'])
    .execute();

  await created(
    id(db.schema.createTable('meeting_invitations'))
      .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id'))
      .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('attended', 'boolean')
      .addColumn('attendee_name', 'text')
      .addColumn('deputy_name', 'text')
      .addColumn('acknowledged_at', 'timestamptz')
      .addColumn('acknowledged_by', 'uuid', (c) => c.references('users.id'))
      .addUniqueConstraint('meeting_invitations_key', ['meeting_id', 'organization_id']),
  ).execute();
  await db.schema
    .createIndex('meeting_invitations_org_idx')
    .on('meeting_invitations')
    .columns(['organization_id', 'meeting_id'])
    .execute();

  await created(
    id(db.schema.createTable('consents'))
      .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
      .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
      .addColumn('organization_ids', sql`uuid[]`, (c) => c.notNull())
      .addColumn('categories', sql`text[]`, (c) => c.notNull())
      .addColumn('given_on', 'date', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('witness', 'text')
      .addColumn('expires_on', 'date')
      .addColumn('withdrawn_at', 'timestamptz')
      .addColumn('withdrawal_reason', 'text')
      .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id')),
  ).execute();
  await db.schema.createIndex('consents_person_idx').on('consents').columns(['person_id']).execute();
  await db.schema.createIndex('consents_case_idx').on('consents').columns(['case_id']).execute();

  await created(
    id(db.schema.createTable('assessments'))
      .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('issues', sql`text[]`, (c) => c.notNull())
      .addColumn('household_flags', sql`text[]`, (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('wishes', 'text')
      .addColumn('strengths', 'text')
      .addColumn('relations', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addUniqueConstraint('assessments_version_key', ['case_id', 'version']),
  ).execute();

  await created(
    id(db.schema.createTable('support_plans'))
      .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('wishes', 'text', (c) => c.notNull())
      .addColumn('long_term_goal', 'text', (c) => c.notNull())
      .addColumn('short_term_goals', 'text', (c) => c.notNull())
      .addColumn('next_monitoring_on', 'date', (c) => c.notNull())
      .addColumn('decided_meeting_id', 'uuid', (c) => c.references('meetings.id'))
      .addColumn('approved_at', 'timestamptz')
      .addColumn('approved_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addUniqueConstraint('support_plans_version_key', ['case_id', 'version']),
  ).execute();

  await created(
    id(db.schema.createTable('plan_items'))
      .addColumn('plan_id', 'uuid', (c) => c.notNull().references('support_plans.id'))
      .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('frequency', 'text')
      .addColumn('period_from', 'date')
      .addColumn('period_to', 'date')
      .addColumn('links', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('programme_id', 'uuid'),
  ).execute();
  await db.schema
    .createIndex('plan_items_plan_idx')
    .on('plan_items')
    .columns(['plan_id', 'position'])
    .execute();
  await db.schema
    .createIndex('plan_items_org_idx')
    .on('plan_items')
    .columns(['organization_id', 'case_id'])
    .execute();

  // Who takes part in a case, and on what basis. The one source of case visibility:
  // scope 'case' sees the case; scope 'meeting' (a 支援会議 invitee) sees only that meeting.
  await created(
    id(db.schema.createTable('case_participants'))
      .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
      .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('meeting_id', 'uuid', (c) => c.references('meetings.id'))
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('source_id', 'uuid'),
  ).execute();
  await sql`CREATE INDEX case_participants_org_idx ON case_participants (organization_id, scope, case_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('case_participants_case_idx')
    .on('case_participants')
    .columns(['case_id'])
    .execute();

  await created(
    id(db.schema.createTable('support_reports'))
      .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
      .addColumn('plan_item_id', 'uuid', (c) => c.notNull().references('plan_items.id'))
      .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('reported_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('supported_on', 'date', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull()),
  ).execute();
  await sql`CREATE INDEX support_reports_case_idx ON support_reports (case_id, supported_on DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX support_reports_item_idx ON support_reports (plan_item_id, supported_on DESC)`.execute(
    db,
  );

  await created(
    id(db.schema.createTable('monitorings'))
      .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
      .addColumn('plan_id', 'uuid', (c) => c.notNull().references('support_plans.id'))
      .addColumn('conducted_on', 'date', (c) => c.notNull())
      .addColumn('item_results', 'jsonb', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('next_monitoring_on', 'date')
      .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id')),
  ).execute();
  await db.schema
    .createIndex('monitorings_case_idx')
    .on('monitorings')
    .columns(['case_id', 'conducted_on'])
    .execute();

  // The case timeline: one row per event, written by the action that caused it.
  await db.schema
    .createTable('case_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('actor_organization_id', 'uuid', (c) => c.references('organizations.id'))
    .addColumn('subject_id', 'uuid')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await sql`CREATE INDEX case_events_case_idx ON case_events (case_id, occurred_at DESC, id DESC)`.execute(
    db,
  );

  // Case numbers per tenant and 年度: R6-0001.
  await db.schema
    .createTable('case_number_counters')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_number_counters_pkey', ['tenant_id', 'fiscal_year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
