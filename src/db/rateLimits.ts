import { type Kysely, sql } from 'kysely';
import * as clock from '../domain/clock.ts';
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
 * concurrent requests on any number of app nodes each get their own count), at the instant of
 * Kasane's one clock (src/domain/clock.ts; app nodes keep their clocks in step with NTP). Runs
 * outside the request's transaction: a refused or failed request still counts.
 */
export async function countInWindow(
  db: Kysely<DB>,
  key: string,
  windowMs: number,
  now: Date = clock.now(),
): Promise<WindowCount> {
  const at = now.toISOString();
  const { rows } = await sql<{ count: number; expires_at: Date | string }>`
    INSERT INTO rate_limit_windows AS w (key, count, expires_at)
    VALUES (${key}, 1, ${at}::timestamptz + ${windowMs} * interval '1 millisecond')
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN w.expires_at <= ${at}::timestamptz THEN 1 ELSE w.count + 1 END,
      expires_at = CASE WHEN w.expires_at <= ${at}::timestamptz THEN EXCLUDED.expires_at ELSE w.expires_at END
    RETURNING count, expires_at`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('rate limit: no row returned');
  return {
    count: Number(row.count),
    ttlMs: Math.max(0, new Date(row.expires_at).getTime() - now.getTime()),
  };
}

/** Forget windows that closed more than a minute ago (they would restart at 1 anyway). */
export async function pruneWindows(db: Kysely<DB>, now: Date = clock.now()): Promise<void> {
  await sql`DELETE FROM rate_limit_windows WHERE expires_at < ${now.toISOString()}::timestamptz - interval '1 minute'`.execute(
    db,
  );
}
