import { type Kysely, sql } from 'kysely';
import { droppedFromNameKey, hiragana, katakanaOfHiragana, nameVariants } from '../../domain/nameKey.ts';

const latinLower = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Issue #10: search that finds names. `persons.name_key` is the search key of the name as written
 * (氏＋名), kept by the database itself: a generated column computed by `kasane_name_key`, which does
 * in SQL what src/domain/nameKey.ts does for a typed query (NFKC; hiragana → katakana; 異体字 such
 * as 髙/﨑 → 高/崎; spaces, middle dots and variation selectors dropped; Latin upper-cased). Every
 * way a person row is written (the API, the demo seed, the benchmark generator, a restore) keeps
 * it, and a backup leaves it out (generated columns are recomputed on restore).
 *
 * A trigram index serves a match anywhere in the name (PostgreSQL and PGlite both ship pg_trgm).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const from = hiragana + nameVariants.map(([v]) => v).join('') + latinLower + droppedFromNameKey;
  const to = katakanaOfHiragana + nameVariants.map(([, s]) => s).join('') + latinLower.toUpperCase();
  await sql`CREATE FUNCTION kasane_name_key(name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS ${sql.raw(`$fn$ SELECT translate(normalize(name, NFKC), ${literal(from)}, ${literal(to)}) $fn$`)}`.execute(
    db,
  );
  await sql`ALTER TABLE persons ADD COLUMN name_key text
    GENERATED ALWAYS AS (kasane_name_key(family_name || given_name)) STORED`.execute(db);
  await sql`CREATE INDEX persons_name_trgm_idx ON persons USING gin (name_key gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX persons_birth_date_idx ON persons (tenant_id, birth_date) WHERE birth_date IS NOT NULL`.execute(
    db,
  );
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
