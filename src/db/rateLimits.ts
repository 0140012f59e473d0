import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

/** The state of a key's window after counting one event. */
export interface WindowCount {
  /** Events in the current window, this one included. */
  count: number;
  /** Milliseconds until the window closes (and the count starts again). */
  ttlMs: number;
}

/**
 * Count one event for `key` in a fixed window of `windowMs`, in one atomic statement (an upsert:
 * concurrent requests on any number of app nodes each get their own count), with the database's
 * clock, so every node agrees on when a window opens and closes. Runs outside the request's
 * transaction: a refused or failed request still counts.
 */
export async function countInWindow(db: Kysely<DB>, key: string, windowMs: number): Promise<WindowCount> {
  const { rows } = await sql<{ count: number; ttl_ms: number | string }>`
    INSERT INTO rate_limit_windows AS w (key, count, expires_at)
    VALUES (${key}, 1, clock_timestamp() + ${windowMs} * interval '1 millisecond')
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN w.expires_at <= clock_timestamp() THEN 1 ELSE w.count + 1 END,
      expires_at = CASE WHEN w.expires_at <= clock_timestamp() THEN EXCLUDED.expires_at ELSE w.expires_at END
    RETURNING count, ceil(extract(epoch FROM (expires_at - clock_timestamp())) * 1000)::integer AS ttl_ms`.execute(
    db,
  );
  const row = rows[0];
  if (!row) throw new Error('rate limit: no row returned');
  return { count: Number(row.count), ttlMs: Math.max(0, Number(row.ttl_ms)) };
}

/** Forget windows that closed more than a minute ago (they would restart at 1 anyway). */
export async function pruneWindows(db: Kysely<DB>): Promise<void> {
  await sql`DELETE FROM rate_limit_windows WHERE expires_at < clock_timestamp() - interval '1 minute'`.execute(
    db,
  );
}
