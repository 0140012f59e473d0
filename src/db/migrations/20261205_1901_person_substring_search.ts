import { type Kysely, sql } from 'kysely';

/**
 * The ids (with their フリガナ, the order lists are in) of the current municipality's persons whose
 * 氏名 (name_key) or フリガナ (kana_key) is LIKE a pattern, found through the trigram indexes.
 *
 * Under row-level security PostgreSQL applies the tenant policy before any condition that is not
 * leakproof, and LIKE is not: a request's substring search could not use the trigram index and read
 * every person of the municipality (1,017 ms for one name at ten times city scale, against 18 ms
 * through the index). These functions run the LIKE as their owner, whom the policies do not bind,
 * and keep the wall themselves: only rows of the tenant the session is set to
 * (`kasane.tenant_id`; none when it is not set, or reset to empty). They return ids and readings only; the request's own query reads
 * the rows, under the policies and the visibility predicates as before (src/db/persons.ts).
 * Execution is revoked from everyone and granted to the request role (src/db/rowLevelSecurity.ts).
 * The planner is told to expect about 100 ids (a name fragment matches few persons), so that it looks
 * the persons up by id rather than reading them all to join a larger set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, column] of [
    ['kasane_persons_by_name', 'name_key'],
    ['kasane_persons_by_kana', 'kana_key'],
  ] as const) {
    await sql
      .raw(`CREATE FUNCTION ${name}(pattern text) RETURNS TABLE (id uuid, kana_key text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT ROWS 100
        AS $$ SELECT p.id, p.kana_key FROM persons p
               WHERE p.tenant_id = (SELECT NULLIF(current_setting('kasane.tenant_id', true), '')::uuid)
                 AND p.${column} LIKE pattern $$`)
      .execute(db);
    await sql.raw(`REVOKE EXECUTE ON FUNCTION ${name}(text) FROM PUBLIC`).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
