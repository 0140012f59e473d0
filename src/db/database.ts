import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './dataDirLock.ts';
import { emptyClusterImage } from './emptyCluster.ts';
import { pgliteDialect } from './pgliteDialect.ts';
import { preparingPool } from './preparedStatements.ts';
import type { DB } from './schema.ts';
import { tenantScoped } from './tenantScopedDriver.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** The PostgreSQL pool's connections (for /metrics); absent on the embedded database. */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

// bigint (count(*), identity columns) as string; numeric stays string; calendar dates (DATE) as
// 'YYYY-MM-DD' strings, never shifted through a time zone; timestamptz as Date.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * KASANE_QUERY_LOG=<file> appends every executed statement and its parameters as JSON lines, on
 * PostgreSQL and on the embedded database alike, so the benchmark can replay exactly the SQL a route
 * issued as its baseline (raw, outside Kasane). Off by default.
 * SIGUSR2 pauses and resumes the log, so the benchmark measures without its cost once it has captured.
 */
let queryLogPaused: boolean | undefined;
function queryLogger() {
  const file = process.env.KASANE_QUERY_LOG;
  if (!file) return undefined;
  if (queryLogPaused === undefined) {
    queryLogPaused = false;
    process.on('SIGUSR2', () => {
      queryLogPaused = !queryLogPaused;
    });
  }
  return (event: LogEvent) => {
    if (!queryLogPaused && event.level === 'query') {
      fs.appendFileSync(
        file,
        `${JSON.stringify({ sql: event.query.sql, parameters: event.query.parameters })}\n`,
      );
    }
  };
}

/**
 * Settings of every session Kasane opens on PostgreSQL. JIT compilation is off: PostgreSQL compiles a
 * statement whose estimated cost passes `jit_above_cost` (100,000 by default) with LLVM before running
 * it, which costs 100–200 ms, while Kasane's largest statements (the city-wide 年度 figures at ten
 * times city scale) run in less than that: with JIT the 課題整理 breakdown took 402 ms, of which 190 ms
 * were compiling (docs/performance.md, *The whole-city reads*).
 */
export const SESSION_OPTIONS = '-c jit=off';

/** Open real PostgreSQL through a `pg` pool. */
export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: SESSION_OPTIONS });
  // An idle client's connection can drop (server restart, a terminated backend). pg reports that as
  // an 'error' event, which would crash the process if nobody listened; the pool replaces the client.
  pool.on('error', (error) => {
    if (process.env.LOG_LEVEL === 'debug')
      console.warn(`kasane: idle PostgreSQL connection lost: ${error.message}`);
  });
  // tenantScoped: inside runAsTenant a connection runs as the RLS-restricted role (rowLevelSecurity.ts);
  // preparingPool: each connection plans a statement once (preparedStatements.ts).
  const db = new Kysely<DB>({
    dialect: tenantScoped(new PostgresDialect({ pool: preparingPool(pool) })),
    log: queryLogger(),
  });
  return {
    db,
    kind: 'postgres',
    close: () => db.destroy(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

/**
 * The embedded database's buffer cache (PostgreSQL's `shared_buffers`), in MB, unless the caller
 * says otherwise (`KASANE_PGLITE_SHARED_BUFFERS_MB`). PGlite writes over the whole of it every time
 * it opens, so it costs start time — about 0.3 s more at PostgreSQL's 128 MB than at 16 MB on a
 * 2-core machine — and memory; a small office's records are read as fast with 32 MB
 * (docs/performance.md, *How long the embedded app takes to start*).
 */
export const DEFAULT_PGLITE_SHARED_BUFFERS_MB = 32;

/**
 * A PGlite instance with the extensions our migrations need (pg_trgm for name search): in memory, or
 * in `dataDir`, or loaded from `loadDataDir`. A new cluster (in memory, or in a `dataDir` holding none)
 * is loaded from the empty-cluster image in `emptyCluster` (a directory; by default the one
 * `npm run build` writes) where there is one, instead of running initdb (src/db/emptyCluster.ts);
 * `emptyCluster: false` runs initdb all the same.
 */
export function createPGlite(
  options: {
    dataDir?: string;
    loadDataDir?: Blob;
    sharedBuffersMb?: number;
    emptyCluster?: string | false;
  } = {},
): Promise<PGlite> {
  const { sharedBuffersMb = DEFAULT_PGLITE_SHARED_BUFFERS_MB, emptyCluster, ...where } = options;
  if (!Number.isInteger(sharedBuffersMb) || sharedBuffersMb < 1)
    throw new Error(`the embedded database's shared buffers must be at least 1 MB, got ${sharedBuffersMb}`);
  const newCluster =
    !where.loadDataDir && !(where.dataDir && fs.existsSync(path.join(where.dataDir, 'PG_VERSION')));
  const image = newCluster && emptyCluster !== false ? emptyClusterImage(emptyCluster) : undefined;
  return PGlite.create({
    ...where,
    ...(image ? { loadDataDir: image } : {}),
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffersMb}MB`],
  });
}

/** Kysely instances over the embedded database (a WeakSet: it holds nothing alive). */
const embeddedInstances = new WeakSet<Kysely<DB>>();

/** Which kind of database a Kysely instance made here talks to. */
export function databaseKindOf(db: Kysely<DB>): DatabaseKind {
  return embeddedInstances.has(db) ? 'pglite' : 'postgres';
}

/** Wrap an already created PGlite instance (tests load one from a dumped template). */
export function wrapPGlite(instance: PGlite, onClose: () => void = () => {}): Database {
  const db = new Kysely<DB>({ dialect: tenantScoped(pgliteDialect(instance)), log: queryLogger() });
  embeddedInstances.add(db);
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      onClose();
    },
  };
}

/**
 * Open the embedded database in `dataDir`, taking the directory's lock first so that a second
 * process fails clearly instead of silently losing rows.
 */
export async function openPGlite(
  dataDir: string,
  options: { sharedBuffersMb?: number } = {},
): Promise<Database> {
  const release = lockDataDir(dataDir);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const instance = await createPGlite({ dataDir, sharedBuffersMb: options.sharedBuffersMb });
    return wrapPGlite(instance, release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Open the database the configuration names: PostgreSQL if DATABASE_URL is set, else embedded. */
export function openDatabase(config: {
  databaseUrl: string | undefined;
  databasePoolSize?: number;
  dataDir: string;
  pgliteSharedBuffersMb?: number;
}): Promise<Database> {
  return config.databaseUrl
    ? Promise.resolve(openPostgres(config.databaseUrl, config.databasePoolSize))
    : openPGlite(config.dataDir, { sharedBuffersMb: config.pgliteSharedBuffersMb });
}
