import { type Kysely, sql } from 'kysely';

/**
 * Steps ① and ② of the support flow: intake at any counter, referral (つなぎ) and handover (引継ぎ).
 *
 * - `person_links`: a coordinator's record that two person rows are the same human. Rows are
 *   never merged or deleted; the pair is stored once whatever the order it was linked in.
 * - `consultations.close_note` / `closed_by`: who ended a consultation (対応終了) and why.
 * - Indexes for the visibility predicate (household → consultations) and for the lists of this step.
 *   `IF NOT EXISTS`, because other steps may need the same index and add it too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_links')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('duplicate_of_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('linked_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('person_links_distinct', sql`person_id <> duplicate_of_id`)
    .execute();
  // One row per unordered pair.
  await sql`CREATE UNIQUE INDEX person_links_pair_key ON person_links
    (LEAST(person_id, duplicate_of_id), GREATEST(person_id, duplicate_of_id))`.execute(db);
  await sql`CREATE INDEX person_links_person_idx ON person_links (person_id)`.execute(db);
  await sql`CREATE INDEX person_links_duplicate_idx ON person_links (duplicate_of_id)`.execute(db);

  await db.schema
    .alterTable('consultations')
    .addColumn('close_note', 'text')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id'))
    .execute();

  // personVisible goes person → household_members → consultations by household: without this
  // index every visibility check of a person scans the consultations table.
  await sql`CREATE INDEX IF NOT EXISTS consultations_household_idx ON consultations (household_id)`.execute(
    db,
  );
  // persons.get shows the households of visible cases too.
  await sql`CREATE INDEX IF NOT EXISTS cases_household_idx ON cases (household_id)`.execute(db);
  // handovers.list for a counter: the handovers it sent, newest first.
  await sql`CREATE INDEX IF NOT EXISTS handovers_from_idx
    ON handovers (tenant_id, from_organization_id, created_at DESC, id DESC)`.execute(db);
  // handovers.list for the coordinating section: after the pending ones, the decided ones, newest first.
  await sql`CREATE INDEX IF NOT EXISTS handovers_to_recent_idx
    ON handovers (tenant_id, to_organization_id, created_at DESC, id DESC)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
