import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Row-level security: the database's own wall between tenants, behind the server's checks.
 *
 * Every table with a `tenant_id` column gets RLS and one policy for {@link APP_ROLE}, a role that
 * cannot log in: a row is visible and writable only when its tenant_id equals the session's
 * {@link TENANT_SETTING}. Authenticated requests run as that role (see `tenantScopedDriver.ts`);
 * the owner, which migrations, seeds and the CLI use, is not subject to the policies.
 */
export const APP_ROLE = 'kasane_app';
export const TENANT_SETTING = 'kasane.tenant_id';
export const POLICY_NAME = 'kasane_tenant_isolation';

/**
 * The policy's expression for a table whose tenant lives in `column`. The setting is read in a
 * scalar subquery, which PostgreSQL evaluates once per query (an InitPlan) and can use as an index
 * condition; a bare `current_setting(…)` would be called for every row.
 */
export const tenantPredicate = (column: string, type: 'uuid' | 'text' = 'uuid') =>
  type === 'uuid'
    ? `${column} = (SELECT current_setting('${TENANT_SETTING}', true)::uuid)`
    : `${column} = (SELECT current_setting('${TENANT_SETTING}', true))`;

/**
 * Tables without a tenant_id that are still one tenant's: `tenants` (its own row), the legacy audit
 * chain heads and the audit events waiting for their seal (scope = the tenant's id as text).
 */
const otherTenantTables: { table: string; column: string; type: 'uuid' | 'text' }[] = [
  { table: 'tenants', column: 'id', type: 'uuid' },
  { table: 'audit_chain_heads', column: 'scope', type: 'text' },
  { table: 'audit_pending', column: 'scope', type: 'text' },
];

/**
 * Functions the request role may execute, each SECURITY DEFINER and limited to the session's tenant
 * inside (the persons' substring search, migration 20261205_1901); execution is revoked from PUBLIC.
 */
const requestFunctions = ['kasane_persons_by_name(text)', 'kasane_persons_by_kana(text)'];

type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE' | 'REFERENCES' | 'TRIGGER';
const ALL_PRIVILEGES: Privilege[] = [
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'TRUNCATE',
  'REFERENCES',
  'TRIGGER',
];

/** What the request role may do with a table: tenants are read-only, the audit trail append-only. */
function privilegesFor(table: string): Privilege[] {
  if (table === 'tenants') return ['SELECT'];
  if (table === 'audit_events') return ['SELECT', 'INSERT'];
  // A request queues its events for the sealer; seals and their heads are the owner's (ADR 0009).
  if (table === 'audit_pending') return ['INSERT'];
  if (table === 'audit_seals' || table === 'audit_seal_heads') return [];
  return ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
}

/** Kysely's migration bookkeeping: the request role has no business there. */
const isMigrationTable = (table: string) => table.startsWith('kasane_migration');

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface TableState {
  name: string;
  has_tenant_id: boolean;
  rls: boolean;
  has_policy: boolean;
}

async function tableStates(db: Kysely<DB>): Promise<TableState[]> {
  const { rows } = await sql<TableState>`
    SELECT c.relname AS name,
           EXISTS (SELECT 1 FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS has_tenant_id,
           c.relrowsecurity AS rls,
           EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = ${POLICY_NAME}) AS has_policy
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
     ORDER BY c.relname`.execute(db);
  return rows;
}

/**
 * Create the role and bring every table's grants, RLS and policy up to date. Idempotent and cheap
 * when nothing is missing (catalog reads only), so it runs after the migrations on every start and
 * covers the tables later migrations add.
 */
export async function applyRowLevelSecurity(db: Kysely<DB>): Promise<void> {
  // Roles are cluster-wide: several databases (or test runs) may create it at the same moment.
  await sql
    .raw(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        BEGIN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOINHERIT;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
      IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
        EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
      END IF;
      IF NOT has_schema_privilege('${APP_ROLE}', current_schema(), 'USAGE') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${APP_ROLE}', current_schema());
      END IF;
    END $$`)
    .execute(db);

  const { rows: granted } = await sql<{ name: string; privilege: Privilege }>`
    SELECT c.relname AS name, p.privilege
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN unnest(${sql.raw(`ARRAY[${ALL_PRIVILEGES.map((p) => `'${p}'`).join(',')}]`)}) AS p(privilege)
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
       AND has_table_privilege(${APP_ROLE}, c.oid, p.privilege)`.execute(db);
  const has = new Set(granted.map((g) => `${g.name}/${g.privilege}`));

  for (const table of await tableStates(db)) {
    const wanted = isMigrationTable(table.name) ? [] : privilegesFor(table.name);
    const missing = wanted.filter((p) => !has.has(`${table.name}/${p}`));
    const extra = ALL_PRIVILEGES.filter((p) => !wanted.includes(p) && has.has(`${table.name}/${p}`));
    if (missing.length)
      await sql.raw(`GRANT ${missing.join(', ')} ON ${ident(table.name)} TO ${APP_ROLE}`).execute(db);
    if (extra.length)
      await sql.raw(`REVOKE ${extra.join(', ')} ON ${ident(table.name)} FROM ${APP_ROLE}`).execute(db);

    const other = otherTenantTables.find((t) => t.table === table.name);
    const predicate = table.has_tenant_id
      ? tenantPredicate('tenant_id')
      : other
        ? tenantPredicate(other.column, other.type)
        : undefined;
    if (!predicate) continue;
    if (!table.rls) await sql.raw(`ALTER TABLE ${ident(table.name)} ENABLE ROW LEVEL SECURITY`).execute(db);
    if (!table.has_policy)
      await sql
        .raw(
          `CREATE POLICY ${POLICY_NAME} ON ${ident(table.name)} TO ${APP_ROLE} USING (${predicate}) WITH CHECK (${predicate})`,
        )
        .execute(db);
  }

  // The functions a request calls that run as their owner (each keeps the tenant wall itself).
  for (const signature of requestFunctions)
    await sql
      .raw(`DO $$ BEGIN
        IF to_regprocedure('${signature}') IS NOT NULL
           AND NOT has_function_privilege('${APP_ROLE}', '${signature}', 'EXECUTE') THEN
          GRANT EXECUTE ON FUNCTION ${signature} TO ${APP_ROLE};
        END IF;
      END $$`)
      .execute(db);

  // Identity columns (audit_events.seq) draw from sequences.
  await sql
    .raw(`DO $$ DECLARE s record; BEGIN
      FOR s IN SELECT c.relname FROM pg_sequence q JOIN pg_class c ON c.oid = q.seqrelid
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema()
                  AND NOT has_sequence_privilege('${APP_ROLE}', q.seqrelid, 'USAGE') LOOP
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %I TO ${APP_ROLE}', s.relname);
      END LOOP;
    END $$`)
    .execute(db);
}

export interface RowLevelSecurityGap {
  table: string;
  problem: string;
}

/**
 * Every tenant table that is not walled off: RLS off, no policy, or a policy whose expressions are
 * not the tenant predicate. Empty when all is well (a test asserts so).
 */
export async function rowLevelSecurityGaps(db: Kysely<DB>): Promise<RowLevelSecurityGap[]> {
  const { rows } = await sql<{
    name: string;
    rls: boolean;
    forced: boolean;
    policies: number;
    roles: string[] | null;
    command: string | null;
    using: string | null;
    check: string | null;
  }>`
    SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
           (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
           (SELECT array_agg(r.rolname::text) FROM pg_policy p JOIN pg_roles r ON r.oid = ANY (p.polroles)
             WHERE p.polrelid = c.oid AND p.polname = ${POLICY_NAME}) AS roles,
           (SELECT p.polcmd::text FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = ${POLICY_NAME}) AS command,
           (SELECT pg_get_expr(p.polqual, p.polrelid) FROM pg_policy p
             WHERE p.polrelid = c.oid AND p.polname = ${POLICY_NAME}) AS using,
           (SELECT pg_get_expr(p.polwithcheck, p.polrelid) FROM pg_policy p
             WHERE p.polrelid = c.oid AND p.polname = ${POLICY_NAME}) AS check
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
       AND EXISTS (SELECT 1 FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
     ORDER BY c.relname`.execute(db);
  const predicate =
    /^\(?tenant_id = \( SELECT \(current_setting\('kasane\.tenant_id'::text, true\)\)::uuid AS current_setting\)\)?$/;
  const gaps: RowLevelSecurityGap[] = [];
  for (const row of rows) {
    const gap = (problem: string) => gaps.push({ table: row.name, problem });
    if (!row.rls) gap('row-level security is not enabled');
    if (row.command === null) {
      gap(`no policy ${POLICY_NAME}`);
      continue;
    }
    if (row.policies !== 1) gap(`${row.policies} policies (only ${POLICY_NAME} is expected)`);
    if (row.command !== '*') gap(`policy applies to command ${row.command}, not ALL`);
    if (!row.roles?.includes(APP_ROLE)) gap(`policy is not for ${APP_ROLE}`);
    if (!predicate.test(row.using ?? '')) gap(`USING is ${row.using}`);
    if (!predicate.test(row.check ?? '')) gap(`WITH CHECK is ${row.check}`);
  }
  return gaps;
}
