import { type Kysely, sql } from 'kysely';

/**
 * Issue #11: the household as a record of its own (who is supported, who has died, how the
 * members are related, the ties to the world around it) and the 支援経過記録 (progress notes).
 *
 * - persons: `deceased` and `died_on` (a genogram draws the dead too: the grandfather with ×).
 * - household_members: `supported` (the person(s) the support is for; 本人 is drawn double-lined).
 * - household_relations: kinship edges between members (parent→child, spouse, ex-spouse, sibling,
 *   cohabiting), drawn as the genogram's lines. Existing households get the edges their 続柄 to
 *   the person imply (father/mother → parent of 本人, son/daughter → child, spouse, sibling; a
 *   father and mother both present are taken as a couple), and so do the kinship edges of each
 *   case's latest 課題整理, so nothing recorded so far is lost.
 * - household_ties: the ecomap's edges to organisations and informal supports (neighbours,
 *   民生委員, employer …) with a strength and whether the tie is stressful.
 * - progress_notes: a visit, call, accompaniment or meeting, when it happened and who wrote it.
 * - case_events.recorded_at: when an entry was written, beside occurred_at (when it happened),
 *   so the timeline can be ordered by what happened and still show when it was typed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('persons')
    .addColumn('deceased', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.alterTable('persons').addColumn('died_on', 'date').execute();

  await db.schema
    .alterTable('household_members')
    .addColumn('supported', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`UPDATE household_members SET supported = true WHERE relation = 'self'`.execute(db);

  await db.schema
    .createTable('household_relations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('related_person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('parentChild', 'spouse', 'exSpouse', 'sibling', 'cohabiting')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('household_relations_distinct', sql`person_id <> related_person_id`)
    .addUniqueConstraint('household_relations_key', [
      'household_id',
      'person_id',
      'related_person_id',
      'kind',
    ])
    .execute();

  // Edges implied by 続柄 to the person (relation 'self') of each existing household.
  await sql`
    INSERT INTO household_relations (id, tenant_id, household_id, person_id, related_person_id, kind)
    SELECT gen_random_uuid(), m.tenant_id, m.household_id,
      CASE WHEN m.relation IN ('father', 'mother') THEN m.person_id ELSE s.person_id END,
      CASE WHEN m.relation IN ('father', 'mother') THEN s.person_id ELSE m.person_id END,
      CASE WHEN m.relation IN ('father', 'mother', 'son', 'daughter') THEN 'parentChild'
           WHEN m.relation = 'spouse' THEN 'spouse' ELSE 'sibling' END
    FROM household_members m
    JOIN household_members s ON s.household_id = m.household_id AND s.relation = 'self'
    WHERE m.relation IN ('father', 'mother', 'son', 'daughter', 'spouse', 'sibling')
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`
    INSERT INTO household_relations (id, tenant_id, household_id, person_id, related_person_id, kind)
    SELECT gen_random_uuid(), f.tenant_id, f.household_id, f.person_id, m.person_id, 'spouse'
    FROM household_members f
    JOIN household_members m ON m.household_id = f.household_id AND m.relation = 'mother'
    WHERE f.relation = 'father'
    ON CONFLICT DO NOTHING`.execute(db);
  // Kinship edges drawn in each case's latest 課題整理 (a text list until now) join the household.
  await sql`
    INSERT INTO household_relations (id, tenant_id, household_id, person_id, related_person_id, kind)
    SELECT gen_random_uuid(), k.tenant_id, k.household_id, (r->>'from')::uuid, (r->>'to')::uuid, r->>'kind'
    FROM cases k
    JOIN LATERAL (
      SELECT a.relations FROM assessments a WHERE a.case_id = k.id ORDER BY a.version DESC LIMIT 1
    ) latest ON true
    CROSS JOIN LATERAL jsonb_array_elements(latest.relations) r
    WHERE r->>'kind' IN ('parentChild', 'spouse', 'sibling', 'cohabiting')
      AND r->>'from' <> r->>'to'
      AND EXISTS (SELECT 1 FROM household_members m
                  WHERE m.household_id = k.household_id AND m.person_id::text = r->>'from')
      AND EXISTS (SELECT 1 FROM household_members m
                  WHERE m.household_id = k.household_id AND m.person_id::text = r->>'to')
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`CREATE INDEX household_relations_household_idx ON household_relations (household_id)`.execute(db);

  await db.schema
    .createTable('household_ties')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'uuid', (c) => c.references('organizations.id'))
    .addColumn('name', 'text')
    .addColumn('person_id', 'uuid', (c) => c.references('persons.id'))
    .addColumn('strength', 'text', (c) => c.notNull().check(sql`strength IN ('strong', 'normal', 'weak')`))
    .addColumn('stressful', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('household_ties_named', sql`organization_id IS NOT NULL OR name IS NOT NULL`)
    .execute();
  await sql`CREATE INDEX household_ties_household_idx ON household_ties (household_id, position)`.execute(db);

  await db.schema
    .createTable('progress_notes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('counterpart', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The 経過 and 経過一覧 read a case's notes by when they happened; the stats read the latest per case.
  await sql`CREATE INDEX progress_notes_case_idx ON progress_notes (case_id, occurred_at DESC, id DESC)`.execute(
    db,
  );

  await db.schema
    .alterTable('case_events')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`UPDATE case_events SET recorded_at = occurred_at`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
