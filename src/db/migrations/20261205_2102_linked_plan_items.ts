import { type Kysely, sql } from 'kysely';

/**
 * The plan items that link to 参加支援 or アウトリーチ (`links` not empty), indexed on their own:
 * the statistics count the cases whose plans approved in a period have such an item, and found them
 * by reading every plan item of the municipality (120,000 at ten times city scale, of which the
 * bench's generated data link one in five).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX plan_items_linked_idx ON plan_items (tenant_id, plan_id) INCLUDE (links)
    WHERE links <> '{}'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
