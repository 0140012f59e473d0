import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createPGlite, type Database, openPostgres, wrapPGlite } from '../../src/db/database.ts';
import { databaseUrlFor } from './backend.ts';

/**
 * Test databases that a test worker reuses from one test file to the next.
 *
 * A new copy of the template costs about 1.8 CPU-seconds on the embedded database (loading it into a
 * new PGlite, a few hundred MB of fresh memory) and 0.6–2 s on PostgreSQL (CREATE DATABASE from the
 * template, then DROP DATABASE); putting a used copy back to the template's content costs about 0.1 s
 * (its rows deleted, not truncated: see `prepare`).
 * A copy is reset, not trusted: before it is handed out again its catalog (tables, row-level
 * security, policies, triggers, roles, functions) must match what it was when made, else it is
 * thrown away and a new one made; its rows are replaced by the copies taken when it was made, and its
 * sequences set back. On the embedded database each lease sees the instance through its own handle,
 * which stops working once the lease ends, so nothing a finished test left running reaches the next
 * file's database; on PostgreSQL each lease has its own connection pool, closed when it ends.
 */

/** A copy of every table's rows, kept in the database itself, out of the application's reach. */
const PRISTINE = 'kasane_pristine';

/** Run SQL text (one statement, or several without parameters) and return the last one's rows. */
type Run = <R>(text: string) => Promise<R[]>;

interface Recyclable {
  /** The PGlite instance, or the PostgreSQL database's name. */
  target: PGlite | string;
  /** The statements that put the rows and sequences back as they were when made. */
  reset: string;
  /** The catalog fingerprint when made; a lease that changed it retires the copy. */
  catalog: string;
  /** How many times it has been put back. */
  resets?: number;
}

/**
 * Every so many resets a copy is vacuumed: the rows its leases wrote and the resets deleted stay in
 * its tables as dead rows until then, and the test server (and PGlite) run no autovacuum. A VACUUM of
 * a copy reused 44 times took about 200 ms on PostgreSQL, 13–26 ms when repeated.
 */
const VACUUM_EVERY = 8;

const idle: Recyclable[] = [];

const CATALOG_FINGERPRINT = `
  SELECT md5(string_agg(x, E'\\n' ORDER BY x)) AS fingerprint FROM (
    SELECT 'r ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || c.relrowsecurity || c.relforcerowsecurity
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    UNION ALL
    SELECT 'p ' || polrelid::regclass::text || ' ' || polname || ' ' || coalesce(pg_get_expr(polqual, polrelid), '')
      || ' ' || coalesce(pg_get_expr(polwithcheck, polrelid), '')
      FROM pg_policy
    UNION ALL
    SELECT 't ' || tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger
    UNION ALL
    SELECT 'a ' || rolname || rolsuper || rolbypassrls || rolinherit FROM pg_roles
    UNION ALL
    SELECT 'f ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc)
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
  ) AS catalog(x)`;

async function fingerprint(run: Run): Promise<string> {
  const [row] = await run<{ fingerprint: string }>(CATALOG_FINGERPRINT);
  return row?.fingerprint ?? '';
}

/** Keep a copy of the template's rows inside a new copy of it; return how to reset it and its catalog. */
async function prepare(run: Run): Promise<Omit<Recyclable, 'target'>> {
  const tables = await run<{ name: string; columns: string }>(`
    SELECT c.relname AS name,
           string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     GROUP BY c.relname ORDER BY c.relname`);
  const sequences = await run<{ name: string; value: string | null }>(`
    SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value::text AS value
      FROM pg_sequences WHERE schemaname = 'public'`);
  await run(
    [
      `CREATE SCHEMA ${PRISTINE}`,
      ...tables.map((t) => `CREATE TABLE ${PRISTINE}.${t.name} AS SELECT ${t.columns} FROM public.${t.name}`),
    ].join(';\n'),
  );
  const reset = [
    // whatever a lease set for its session (a role, a setting) goes with it
    'RESET ROLE',
    'RESET ALL',
    'BEGIN',
    // no triggers (append-only guards, foreign keys) while the rows are put back
    'SET LOCAL session_replication_role = replica',
    // DELETE, not TRUNCATE: the test data is a few hundred rows, and TRUNCATE gives every table and
    // index a new file (on PostgreSQL about 270 ms for the seventy tables, against 5–8 ms; on the
    // embedded database 65–85 ms against 6 ms). The rows put back go in in the same order as
    // before; the dead rows left behind are vacuumed every VACUUM_EVERY resets (`take`).
    ...tables.map((t) => `DELETE FROM public.${t.name}`),
    ...tables.map(
      (t) =>
        `INSERT INTO public.${t.name} (${t.columns}) OVERRIDING SYSTEM VALUE SELECT ${t.columns} FROM ${PRISTINE}.${t.name}`,
    ),
    ...sequences.map((s) =>
      s.value === null
        ? `SELECT setval('${s.name}', 1, false)`
        : `SELECT setval('${s.name}', ${s.value}, true)`,
    ),
    'COMMIT',
  ].join(';\n');
  return { reset, catalog: await fingerprint(run) };
}

// ---------------------------------------------------------------- embedded (PGlite)

const runOn =
  (instance: PGlite): Run =>
  async <R>(text: string) => {
    const results = await instance.exec(text);
    return (results.at(-1)?.rows ?? []) as R[];
  };

/** A handle on `instance` that works until its `close()`, which ends the lease, not the instance. */
function lease(instance: PGlite, onClose: () => void): PGlite {
  let ended = false;
  return new Proxy(instance, {
    get(target, property) {
      if (property === 'close')
        return async () => {
          if (!ended) {
            ended = true;
            onClose();
          }
        };
      if (property === 'closed') return ended;
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (ended) throw new Error('this test database was returned to the pool: its lease has ended');
        return value.apply(target, args);
      };
    },
  });
}

/** A new PGlite instance holding the contents of a data-directory dump (`dumpDataDir('none')`). */
export function pgliteFromDump(file: string): Promise<PGlite> {
  return createPGlite({ loadDataDir: new Blob([fs.readFileSync(file)]) });
}

/** A PGlite instance with the template's content (`template`: the dump's path); close() returns it. */
export async function recycledPGlite(template: string): Promise<Database> {
  const taken = await take(
    (candidate, work) => work(runOn(candidate.target as PGlite)),
    async () => {
      const instance = await pgliteFromDump(template);
      return { target: instance, ...(await prepare(runOn(instance))) };
    },
    (candidate) => (candidate.target as PGlite).close(),
  );
  return wrapPGlite(lease(taken.target as PGlite, () => idle.push(taken)));
}

// ---------------------------------------------------------------- PostgreSQL

async function onServer<T>(work: (client: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const client = new pg.Client({
    connectionString: database ? databaseUrlFor(database) : process.env.DATABASE_URL,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const runWith =
  (client: pg.Client): Run =>
  async <R>(text: string) => {
    const result = (await client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
    return (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows) as R[];
  };

/**
 * A PostgreSQL database with the template's content (`template`: the template database's name);
 * close() returns it. Its name starts with the template's, so the suite's teardown finds it.
 */
export async function recycledPostgres(template: string): Promise<Database> {
  const taken = await take(
    // one connection for the catalog check and the reset: a new backend reads the catalog anew
    (candidate, work) => onServer((client) => work(runWith(client)), candidate.target as string),
    async () => {
      const name = `${template}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      await onServer((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      return { target: name, ...(await onServer((client) => prepare(runWith(client)), name)) };
    },
    (candidate) =>
      onServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${candidate.target} WITH (FORCE)`)),
  );
  const database = openPostgres(databaseUrlFor(taken.target as string), 10);
  let ended = false;
  return {
    ...database,
    close: async () => {
      if (ended) return;
      ended = true;
      await database.close();
      idle.push(taken);
    },
  };
}

// ---------------------------------------------------------------- the pool

/** An idle copy reset to the template's content, or a new one when none is idle (or fit for reuse). */
async function take(
  withRun: (candidate: Recyclable, work: (run: Run) => Promise<boolean>) => Promise<boolean>,
  make: () => Promise<Recyclable>,
  retire: (candidate: Recyclable) => Promise<unknown>,
): Promise<Recyclable> {
  for (;;) {
    const candidate = idle.pop();
    if (!candidate) return make();
    const reset = await withRun(candidate, async (run) => {
      if ((await fingerprint(run)) !== candidate.catalog) return false;
      await run(candidate.reset);
      candidate.resets = (candidate.resets ?? 0) + 1;
      // not inside the reset's transaction: VACUUM runs on its own
      if (candidate.resets % VACUUM_EVERY === 0) await run('VACUUM');
      return true;
    });
    if (reset) return candidate;
    await retire(candidate);
  }
}
