import { type Kysely, sql } from 'kysely';
import type { DatabaseKind } from './database.ts';
import type { DB } from './schema.ts';

/**
 * One key for "Kasane is changing its schema" (any 64-bit number works; this one spells KASANE).
 * Several app nodes starting at once each run `migrate` on start: the first takes this lock and
 * migrates and applies row-level security; the others wait, then find nothing left to do.
 */
export const MIGRATION_LOCK_KEY = 0x4b4153414e45n;

/**
 * Run `work` while holding PostgreSQL's session-level advisory lock {@link MIGRATION_LOCK_KEY} on a
 * connection of its own (so `work` may use the pool freely). On the embedded database one process
 * owns the data directory (its lock file), so there is nothing to coordinate and no lock is taken.
 */
export async function withMigrationLock<T>(
  db: Kysely<DB>,
  kind: DatabaseKind,
  work: () => Promise<T>,
): Promise<T> {
  if (kind === 'pglite') return work();
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`.execute(connection);
    }
  });
}
