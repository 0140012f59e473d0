import { type Kysely, sql } from 'kysely';

/**
 * The participations that make a case visible to an organisation (scope 'case'), with every column
 * the one visibility predicate reads (src/db/access.ts: tenant, organisation, case): the check can
 * be answered from the index alone, whether it probes one case (a page of 事例一覧) or collects all
 * the cases an organisation may see (the home's counts, where the coordinating section sees 50,000
 * cases at ten times city scale and the table was read whole for them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX case_participants_visible_idx ON case_participants (organization_id, case_id)
    INCLUDE (tenant_id) WHERE scope = 'case'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
