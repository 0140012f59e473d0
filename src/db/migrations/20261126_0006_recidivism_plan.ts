import { type Kysely, sql } from 'kysely';

/**
 * The recidivism prevention plan (再犯防止推進計画) and its liaison council (再犯防止推進連絡会議):
 * plans, their ordered challenges, the programme catalogue (a programme may sit under several
 * challenges: 再掲), annual progress per programme and 年度 with year locks, an editable
 * evaluation scale, council members, meetings with attendees, and opinions with the city's
 * answers. No table here holds personal case data: the council side sees only aggregates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'));
  const created = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));

  await created(
    id(db.schema.createTable('recidivism_plans'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('period_from_fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('period_to_fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('parent_plan', 'text')
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('target_population', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addCheckConstraint(
        'recidivism_plans_period_check',
        sql`period_from_fiscal_year <= period_to_fiscal_year`,
      ),
  ).execute();
  await sql`CREATE INDEX recidivism_plans_tenant_idx ON recidivism_plans (tenant_id, period_from_fiscal_year DESC)`.execute(
    db,
  );

  await created(
    id(db.schema.createTable('challenges'))
      .addColumn('plan_id', 'uuid', (c) => c.notNull().references('recidivism_plans.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`)),
  ).execute();
  // Deferred, so a reorder can swap positions inside one transaction.
  await sql`ALTER TABLE challenges ADD CONSTRAINT challenges_plan_position_key UNIQUE (plan_id, position) DEFERRABLE INITIALLY DEFERRED`.execute(
    db,
  );

  await created(
    id(db.schema.createTable('programmes'))
      .addColumn('plan_id', 'uuid', (c) => c.notNull().references('recidivism_plans.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('responsible_section_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('related_organization_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
      .addColumn('indicators', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      // the city's own number for the programme (e.g. the 資料編 row id), for idempotent import
      .addColumn('external_key', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`)),
  ).execute();
  await sql`CREATE UNIQUE INDEX programmes_name_section_key ON programmes (plan_id, name, responsible_section_id)`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX programmes_external_key ON programmes (plan_id, external_key) WHERE external_key IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX programmes_section_idx ON programmes (tenant_id, responsible_section_id)`.execute(
    db,
  );

  await db.schema
    .createTable('programme_challenges')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id'))
    .addColumn('challenge_id', 'uuid', (c) => c.notNull().references('challenges.id'))
    .addColumn('is_repeat', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('programme_challenges_pkey', ['programme_id', 'challenge_id'])
    .execute();
  await sql`CREATE INDEX programme_challenges_challenge_idx ON programme_challenges (challenge_id, programme_id)`.execute(
    db,
  );

  await created(
    id(db.schema.createTable('evaluation_scale'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('evaluation_scale_tenant_code_key', ['tenant_id', 'code']),
  ).execute();

  await created(
    id(db.schema.createTable('programme_progress'))
      .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('status_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('result_value', 'numeric')
      .addColumn('result_unit', 'text')
      .addColumn('evaluation', 'text')
      .addColumn('issues_direction', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('updated_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('programme_progress_programme_year_key', ['programme_id', 'fiscal_year']),
  ).execute();
  await sql`CREATE INDEX programme_progress_year_idx ON programme_progress (tenant_id, fiscal_year)`.execute(
    db,
  );

  await db.schema
    .createTable('progress_year_locks')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('recidivism_plans.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('locked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('progress_year_locks_pkey', ['plan_id', 'fiscal_year'])
    .execute();

  await created(
    id(db.schema.createTable('council_members'))
      .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('representative', 'text', (c) => c.notNull())
      // the council's own listing order (名簿順)
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('term_from', 'date', (c) => c.notNull())
      .addColumn('term_to', 'date'),
  ).execute();
  await sql`CREATE INDEX council_members_org_idx ON council_members (tenant_id, organization_id)`.execute(db);

  await created(
    id(db.schema.createTable('council_meetings'))
      .addColumn('held_at', 'timestamptz', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('is_open', 'boolean', (c) => c.notNull())
      .addColumn('observers_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('observers_note', 'text')
      .addColumn('agenda', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id')),
  ).execute();
  await sql`CREATE INDEX council_meetings_held_idx ON council_meetings (tenant_id, held_at DESC, id)`.execute(
    db,
  );

  await created(
    id(db.schema.createTable('council_meeting_attendees'))
      .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('council_meetings.id'))
      .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('attendee_name', 'text', (c) => c.notNull())
      .addColumn('is_deputy', 'boolean', (c) => c.notNull().defaultTo(false))
      .addUniqueConstraint('council_meeting_attendees_key', [
        'meeting_id',
        'organization_id',
        'attendee_name',
      ]),
  ).execute();

  await created(
    id(db.schema.createTable('opinions'))
      .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
      .addColumn('meeting_id', 'uuid', (c) => c.references('council_meetings.id'))
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('challenge_id', 'uuid', (c) => c.references('challenges.id'))
      .addColumn('programme_id', 'uuid', (c) => c.references('programmes.id'))
      .addColumn('answer', 'text')
      .addColumn('answered_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('answered_at', 'timestamptz')
      .addColumn('follow_up_status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id')),
  ).execute();
  await sql`CREATE INDEX opinions_tenant_idx ON opinions (tenant_id, created_at DESC, id)`.execute(db);

  // 0002 left plan_items.programme_id without a reference: a plan item names a real programme.
  await sql`ALTER TABLE plan_items ADD CONSTRAINT plan_items_programme_fkey FOREIGN KEY (programme_id) REFERENCES programmes (id)`.execute(
    db,
  );
  await sql`CREATE INDEX plan_items_programme_idx ON plan_items (tenant_id, programme_id) WHERE programme_id IS NOT NULL`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
