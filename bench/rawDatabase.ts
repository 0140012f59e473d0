/**
 * The bench's own access to the database under test, outside Kasane: through a `pg` pool on
 * PostgreSQL, or through a PGlite instance opened on the data directory (which takes the directory's
 * lock, so Kasane's server must be stopped meanwhile). Used for the raw replay, the SELECTs-alone
 * anchor, the bench's passwords and BENCH_EXPLAIN.
 */

import { createPGlite, SESSION_OPTIONS } from '../src/db/database.ts';
import { lockDataDir } from '../src/db/dataDirLock.ts';
import { statementName } from '../src/db/preparedStatements.ts';

export type Row = Record<string, unknown>;

/** One session held alone: parameterised statements, and scripts of several statements. */
export interface RawSession {
  query(sql: string, parameters?: unknown[]): Promise<Row[]>;
  script(sql: string): Promise<void>;
}

export interface RawDatabase {
  /** One statement on whichever session is free. */
  query(sql: string, parameters?: unknown[]): Promise<Row[]>;
  /** Runs `work` on one session that no one else uses until it resolves. */
  session<T>(work: (session: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the database under test lives, as the anchor server's plan names it. */
export type DatabaseLocation =
  | { kind: 'postgresql'; url: string; poolSize: number }
  | { kind: 'pglite'; dataDir: string };

export async function openRawDatabase(location: DatabaseLocation): Promise<RawDatabase> {
  return location.kind === 'postgresql'
    ? openRawPostgres(location.url, location.poolSize)
    : openRawPGlite(location.dataDir);
}

/**
 * A statement with parameters goes by name, prepared once per connection, as Kasane's driver sends
 * it (src/db/preparedStatements.ts): the anchors plan as seldom as Kasane does.
 */
const prepared = (text: string, values?: unknown[]) =>
  values?.length ? { name: statementName(text), text, values } : { text, values };

async function openRawPostgres(url: string, poolSize: number): Promise<RawDatabase> {
  const { default: pg } = await import('pg');
  // the same session settings as Kasane's own pool, so that the anchors plan and run as it does
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: SESSION_OPTIONS });
  return {
    query: async (sql, parameters) => (await pool.query(prepared(sql, parameters))).rows,
    session: async (work) => {
      const client = await pool.connect();
      try {
        return await work({
          query: async (sql, parameters) => (await client.query(prepared(sql, parameters))).rows,
          script: async (sql) => {
            await client.query(sql);
          },
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PGlite has one session: a FIFO queue hands it to one holder at a time, as Kasane's driver does. */
async function openRawPGlite(dataDir: string): Promise<RawDatabase> {
  const release = lockDataDir(dataDir);
  let instance: Awaited<ReturnType<typeof createPGlite>>;
  try {
    instance = await createPGlite({ dataDir });
  } catch (error) {
    release();
    throw error;
  }
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  // bigints and calendar dates as strings, as Kasane reads them (src/db/pgliteDialect.ts)
  const identity = (value: string) => value;
  const parsers = { 20: identity, 1082: identity };
  const session: RawSession = {
    query: async (sql, parameters) => (await instance.query<Row>(sql, parameters, { parsers })).rows,
    script: async (sql) => {
      await instance.exec(sql);
    },
  };
  return {
    query: (sql, parameters) => exclusive(() => session.query(sql, parameters)),
    session: (work) => exclusive(() => work(session)),
    close: async () => {
      await exclusive(() => instance.close());
      release();
    },
  };
}
