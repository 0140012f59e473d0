import { createHash } from 'node:crypto';
import {
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
  sql,
  type Transaction,
} from 'kysely';
import type pg from 'pg';
import type { DB } from './schema.ts';

/**
 * Prepared statements for PostgreSQL: a statement with parameters is sent under a name derived from
 * its text, so each pooled connection parses and plans it once and then only binds and executes it.
 * Kasane's statements are long (access predicates as EXISTS subqueries, row-level-security policies
 * added by the rewriter), and planning them costs more than running them: at city scale the kana
 * search plans in about 1.7 ms and runs in 1.5 ms. See docs/performance.md.
 *
 * PostgreSQL re-plans a prepared statement by itself when the role that runs it changes (row-level
 * security depends on it) or a table it reads changes; the tenant setting is read by the policies at
 * execution (`(SELECT current_setting(…))`), never baked into a plan. Statements without parameters
 * (transaction control, the scope scripts of tenantScopedDriver.ts, which may hold several statements)
 * keep the simple protocol.
 *
 * A connection holds at most {@link MAX_STATEMENTS_PER_CONNECTION} statements: past that (lists of
 * ids of varying length make new texts) it is closed when released and the pool opens a fresh one,
 * so a server's memory for plans stays bounded.
 */
export const MAX_STATEMENTS_PER_CONNECTION = 500;

/** The names a physical connection has prepared so far. */
const prepared = new WeakMap<pg.PoolClient, Set<string>>();

/** Names already worked out, by text: a digest costs more than a look-up (cleared when it grows large). */
const names = new Map<string, string>();
const MAX_NAMES_KEPT = 2000;

/** A statement's name: its text's digest (PostgreSQL keeps 63 bytes of a name). */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `k${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= MAX_NAMES_KEPT) names.clear();
    names.set(text, name);
  }
  return name;
}

function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  const known = prepared.get(client) ?? new Set<string>();
  prepared.set(client, known);
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query(text: unknown, parameters?: ReadonlyArray<unknown>): unknown {
    // Kysely passes a cursor only when its dialect is given a cursor class; ours is not.
    if (typeof text !== 'string') throw new Error('cursors are not used on PostgreSQL');
    if (!parameters || parameters.length === 0) return client.query(text, []);
    const name = statementName(text);
    known.add(name);
    return client.query({ name, text, values: [...parameters] });
  }
  return {
    query,
    release: (destroy?: boolean) => client.release(destroy || known.size > MAX_STATEMENTS_PER_CONNECTION),
  };
}

/** A pool for Kysely's PostgresDialect whose connections prepare their parameterised statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => preparingClient(await pool.connect()),
    end: () => pool.end(),
  };
}

/**
 * For the rest of the transaction, plan every statement for the values it is given (parsing it
 * still once per connection). For the reads that count or search over periods (the home dashboard,
 * statistics, the audit log, exports, disposal candidates): a plan made for any value misjudges how
 * many rows a date range selects, and at city scale one statistics query ran in 55 ms on such a
 * plan against 8 ms on its own.
 *
 * `workers: false` also plans without parallel workers, for a read that many users make at once
 * (the home): on a few cores, workers only share the CPU the other requests wait for, and their cost
 * discount makes the planner read whole tables where an index reads a tenth of them (the home's
 * date-based figures at ten times city scale: a parallel scan of every case, 15 ms in each of three
 * processes, against a bitmap scan of the 10,000 that match).
 */
export async function planForEachExecution(
  tx: Transaction<DB>,
  options: { workers?: boolean } = {},
): Promise<void> {
  if (options.workers === false)
    await sql`SELECT set_config('plan_cache_mode', 'force_custom_plan', true),
      set_config('max_parallel_workers_per_gather', '0', true)`.execute(tx);
  else await sql`SET LOCAL plan_cache_mode = force_custom_plan`.execute(tx);
}
