import { type Kysely, sql } from 'kysely';

/**
 * Issue #12: アウトリーチ contact attempts (docs/resources.md "アウトリーチ"). An attempt belongs to a
 * consultation (before any case: the person has not consented or cannot come) or to a case; those of a
 * consultation belong to the case its handover opened. No personal data beyond what the consultation
 * holds: how, what came of it, how far the relationship has come, and when to try next.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outreach_contacts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('consultation_id', 'uuid', (c) => c.references('consultations.id'))
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('attempted_on', 'date', (c) => c.notNull())
    .addColumn('method', 'text', (c) =>
      c.notNull().check(sql`method IN ('visit', 'letter', 'phone', 'neighbour', 'minsei', 'other')`),
    )
    .addColumn('result', 'text', (c) =>
      c.notNull().check(sql`result IN ('met', 'talked', 'noAnswer', 'refused', 'letterLeft', 'heardOf')`),
    )
    .addColumn('relationship', 'text', (c) =>
      c.notNull().check(sql`relationship IN ('none', 'known', 'talking', 'trusted')`),
    )
    .addColumn('note', 'text')
    .addColumn('next_attempt_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('outreach_contacts_target', sql`(consultation_id IS NULL) <> (case_id IS NULL)`)
    .execute();
  await db.schema
    .createIndex('outreach_contacts_consultation_idx')
    .on('outreach_contacts')
    .columns(['consultation_id'])
    .execute();
  await db.schema
    .createIndex('outreach_contacts_case_idx')
    .on('outreach_contacts')
    .columns(['case_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
