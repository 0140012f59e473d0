import { sql } from 'kysely';
import type { Database } from './database.ts';
import { runAsOwner } from './tenantContext.ts';

/**
 * Upkeep of the embedded database, which does none of its own.
 *
 * PostgreSQL's autovacuum reclaims the rows that updates and deletes leave behind and keeps the
 * planner's statistics current. PGlite runs PostgreSQL as a single user, where autovacuum never runs:
 * without this an embedded database is never analysed (the planner guesses every selectivity, at any
 * size) and never vacuumed (dead rows stay, and every scan reads them). So the server runs
 * `VACUUM (ANALYZE)` over the whole database a few minutes after it starts and then once a day: an
 * office PC that is switched on every morning gets it every morning. It takes the embedded
 * database's one connection while it runs (about half a second on a small office's data), so it is
 * not run at start, when the first screens are loading.
 *
 * On PostgreSQL this is autovacuum's job; a server with autovacuum off is the operator's to look after
 * (docs/deployment.md).
 */

export interface Maintenance {
  /** Vacuum and analyse now (after a run already going). */
  runNow(): Promise<void>;
  /** Stop the timers and wait for a run that has started. */
  stop(): Promise<void>;
}

const MINUTE = 60_000;

/** Vacuum and analyse every table of the database; tables another session holds locked are skipped. */
export async function vacuumAndAnalyze(database: Database): Promise<void> {
  await runAsOwner(() => sql`VACUUM (ANALYZE, SKIP_LOCKED)`.execute(database.db));
}

/** Start the upkeep of an embedded database: first after `firstAfterMs`, then every `everyMs`. */
export function startMaintenance(
  database: Database,
  options: { firstAfterMs?: number; everyMs?: number; onError?: (error: unknown) => void } = {},
): Maintenance {
  const firstAfterMs = options.firstAfterMs ?? 5 * MINUTE;
  const everyMs = options.everyMs ?? 24 * 60 * MINUTE;
  const onError = options.onError ?? (() => {});
  let running: Promise<void> | undefined;
  let repeat: NodeJS.Timeout | undefined;

  const run = (): Promise<void> => {
    running ??= vacuumAndAnalyze(database)
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const first = setTimeout(() => {
    void run();
    repeat = setInterval(() => void run(), everyMs);
    repeat.unref();
  }, firstAfterMs);
  first.unref();

  return {
    async runNow() {
      await running;
      await run();
    },
    async stop() {
      clearTimeout(first);
      if (repeat) clearInterval(repeat);
      await running;
    },
  };
}
