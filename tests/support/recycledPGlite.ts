import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { createPGlite } from '../../src/db/database.ts';

/**
 * Embedded databases that a test worker reuses from one test file to the next.
 *
 * Loading the template into a new PGlite costs about 1.8 CPU-seconds (and a few hundred MB of fresh
 * memory); putting a used instance back to the template's content costs about 0.1. An instance is
 * reset, not trusted: before it is handed out again its catalog (tables, row-level security,
 * policies, triggers, roles, functions) must match what it was when loaded, else it is closed and a
 * new one is loaded; its rows are replaced by the copies taken when it was loaded, and its sequences
 * set back. Each lease sees the instance through its own handle, which stops working once the lease
 * ends, so nothing a finished test left running can reach the next file's database.
 */

/** A copy of every table's rows, kept in the instance itself, out of the application's reach. */
const PRISTINE = 'kasane_pristine';

interface Recyclable {
  instance: PGlite;
  /** The statements that put the rows and sequences back as they were when loaded. */
  reset: string;
  /** The catalog fingerprint when loaded; a lease that changed it retires the instance. */
  catalog: string;
}

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

async function fingerprint(instance: PGlite): Promise<string> {
  const { rows } = await instance.query<{ fingerprint: string }>(CATALOG_FINGERPRINT);
  return rows[0]?.fingerprint ?? '';
}

/** Load the template and keep a copy of its rows inside it, for later resets. */
async function load(template: string): Promise<Recyclable> {
  const instance = await createPGlite({ loadDataDir: new Blob([fs.readFileSync(template)]) });
  const { rows: tables } = await instance.query<{ name: string; columns: string }>(`
    SELECT c.relname AS name,
           string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     GROUP BY c.relname ORDER BY c.relname`);
  const { rows: sequences } = await instance.query<{ name: string; value: string | null }>(`
    SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value::text AS value
      FROM pg_sequences WHERE schemaname = 'public'`);
  await instance.exec(
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
    `TRUNCATE ${tables.map((t) => `public.${t.name}`).join(', ')}`,
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
  return { instance, reset, catalog: await fingerprint(instance) };
}

/** A handle on `instance` that works until `revoke()`; its `close()` ends the lease, not the instance. */
function lease(instance: PGlite, onClose: () => void): PGlite {
  let revoked = false;
  return new Proxy(instance, {
    get(target, property) {
      if (property === 'close')
        return async () => {
          if (!revoked) {
            revoked = true;
            onClose();
          }
        };
      if (property === 'closed') return revoked;
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (revoked) throw new Error('this test database was returned to the pool: its lease has ended');
        return value.apply(target, args);
      };
    },
  });
}

/**
 * A PGlite instance holding the template's content, recycled from an earlier test file of this
 * worker when one is idle; closing it returns it to the pool.
 */
export async function recycledPGlite(template: string): Promise<PGlite> {
  let recyclable: Recyclable | undefined;
  while (!recyclable) {
    const candidate = idle.pop();
    if (!candidate) {
      recyclable = await load(template);
      break;
    }
    if ((await fingerprint(candidate.instance)) !== candidate.catalog) {
      await candidate.instance.close();
      continue;
    }
    await candidate.instance.exec(candidate.reset);
    recyclable = candidate;
  }
  const taken = recyclable;
  return lease(taken.instance, () => idle.push(taken));
}
