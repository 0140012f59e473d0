import { type Kysely, sql } from 'kysely';

/**
 * Issue #13: the counts behind every rate limit (sign-in throttling per client, the file-export
 * limit per user) live in the database, so several app nodes on one PostgreSQL share them: a
 * client cannot double its attempts by landing on another node. One row per key and window
 * (fixed windows: `count` events since the window opened, until `expires_at`).
 *
 * No tenant_id: a sign-in is throttled before anyone knows the tenant (the key is the client
 * address); keys of signed-in limits carry the tenant and user (`export:<tenant>:<user>`). Rows
 * hold no personal data beyond a client address, and are pruned once expired.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX rate_limit_windows_expires_idx ON rate_limit_windows (expires_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
