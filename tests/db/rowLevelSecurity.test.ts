import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import {
  APP_ROLE,
  applyRowLevelSecurity,
  POLICY_NAME,
  rowLevelSecurityGaps,
  TENANT_SETTING,
} from '../../src/db/rowLevelSecurity.ts';
import type { DB } from '../../src/db/schema.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';
import { currentTenant, runAsTenant } from '../../src/db/tenantContext.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { seedDemoCases } from '../../src/server/demo/demoCases.ts';
import { databaseUrlFor, testBackend } from '../support/backend.ts';
import { freshDatabase } from '../support/testDatabase.ts';
import { ApiClient } from '../support/testServer.ts';

/**
 * Row-level security as a second wall: with two municipalities holding the same demo casework,
 * work in one tenant's scope sees and writes only that tenant's rows in every tenant table, even
 * through queries that forget the tenant_id condition; the access gate puts every signed-in request
 * in its tenant's scope; pooled connections carry no role or tenant to their next user.
 */

interface Column {
  name: string;
  generated: boolean;
}

/** Every table of the public schema with a tenant_id column, and its insertable columns. */
async function tenantTables(db: Kysely<DB>): Promise<Map<string, Column[]>> {
  const { rows } = await sql<{ table: string; column: string; generated: boolean }>`
    SELECT c.relname AS table, a.attname AS column,
           (a.attidentity <> '' OR a.attgenerated <> '') AS generated
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
       AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id')
     ORDER BY c.relname, a.attnum`.execute(db);
  const tables = new Map<string, Column[]>();
  for (const row of rows) {
    const columns = tables.get(row.table) ?? [];
    columns.push({ name: row.column, generated: row.generated });
    tables.set(row.table, columns);
  }
  return tables;
}

const ident = (name: string) => sql.id(name);

let database: Database;
let db: Kysely<DB>;
let app: FastifyInstance;
let url: string;
let tenantA: string;
let tenantB: string;
let tables: Map<string, Column[]>;
/** Row counts per table and tenant, read as the owner. */
let counts: Map<string, Map<string, number>>;

async function countsByTenant(): Promise<Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, number>>();
  for (const table of tables.keys()) {
    const { rows } = await sql<{ tenant_id: string | null; n: number }>`
      SELECT tenant_id, count(*)::int AS n FROM ${ident(table)} GROUP BY tenant_id`.execute(db);
    result.set(table, new Map(rows.map((r) => [r.tenant_id ?? 'null', r.n])));
  }
  return result;
}

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  app = await buildApp({ ...loadConfig({ ...process.env, LOG_LEVEL: 'error' }), port: 0 }, database);
  // A probe route, as every route is: behind the access gate, declared access and operationId.
  app.get(
    '/api/test/whoami',
    { schema: { operationId: 'test.whoami' }, config: { access: 'signedIn', audit: [] } },
    async () => {
      const { rows } = await sql<{ role: string; tenant: string | null }>`
        SELECT current_user AS role, current_setting(${TENANT_SETTING}, true) AS tenant`.execute(db);
      const inTransaction = await db.transaction().execute(async (tx) => {
        const { rows } = await sql<{ role: string; tenant: string | null }>`
          SELECT current_user AS role, current_setting(${TENANT_SETTING}, true) AS tenant`.execute(tx);
        return rows[0];
      });
      return { scope: currentTenant() ?? null, statement: rows[0], transaction: inTransaction };
    },
  );
  app.get(
    '/api/test/whoami-public',
    { schema: { operationId: 'test.whoamiPublic' }, config: { access: 'public', audit: [] } },
    async () => {
      const { rows } = await sql<{ role: string }>`SELECT current_user AS role`.execute(db);
      return { scope: currentTenant() ?? null, role: rows[0]?.role };
    },
  );
  url = await app.listen({ port: 0, host: '127.0.0.1' });

  // Tenant B: the demo municipality with its casework, made through the API (so under RLS), then
  // renamed; tenant A: the demo seeded again under the usual name, with the same casework.
  await seedDemoCases(app);
  const first = await db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
  tenantB = first.id;
  await db
    .updateTable('tenants')
    .set({ code: 'rls-other', name: '別市' })
    .where('id', '=', tenantB)
    .execute();
  await db
    .updateTable('users')
    .set({ login_id: sql`'b-' || login_id` })
    .where('tenant_id', '=', tenantB)
    .execute();
  await seedDemo(db, { production: false });
  await seedDemoCases(app);
  tenantA = (
    await db.selectFrom('tenants').select('id').where('code', '=', 'kagoshima').executeTakeFirstOrThrow()
  ).id;
  for (const prefix of ['', 'b-']) await councilAndProgress(prefix);
  // Seeding two cities signed in more often than the per-address sign-in limit allows in a minute
  // (on a fast PostgreSQL); the limit is not what this file tests, so its windows start afresh.
  await sql`DELETE FROM rate_limit_windows`.execute(db);
  tables = await tenantTables(db);
  counts = await countsByTenant();
}, 240_000);

/** The council and progress side, which the demo casework does not touch, through the API too. */
async function councilAndProgress(prefix: string): Promise<void> {
  const plan = new ApiClient(url);
  await plan.signIn(`${prefix}plan`);
  const council = new ApiClient(url);
  await council.signIn(`${prefix}council`);
  const coordinator = new ApiClient(url);
  await coordinator.signIn(`${prefix}coordinator`);
  const expectOk = (response: { status: number; body: unknown }, what: string) => {
    if (response.status >= 300)
      throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  };
  const organizations = (await plan.get<{ items: { id: string; name: string }[] }>('/api/organizations')).body
    .items;
  const organization = (name: string) => organizations.find((o) => o.name === name)?.id;
  const meeting = expectOk(
    await plan.post('/api/council/meetings', {
      heldAt: '2026-11-20T14:00:00+09:00',
      place: '市役所 会議室',
      isOpen: true,
      agenda: '計画の進捗',
      attendees: [{ organizationId: organization('鹿児島保護観察所'), attendeeName: '山下 一郎' }],
    }),
    'council meeting',
  );
  expectOk(
    await council.post('/api/council/opinions', { meetingId: meeting.id, content: '（試験）意見' }),
    'opinion',
  );
  const programmes = (await plan.get<{ items: { id: string }[] }>('/api/programmes')).body.items;
  expectOk(
    await plan.request('PUT', `/api/programmes/${programmes[0]?.id}/progress/2024`, {
      statusText: '（試験）実施した。',
      resultValue: 1,
      resultUnit: '件',
      evaluation: 'B',
      issuesDirection: '（試験）継続する。',
    }),
    'progress',
  );
  expectOk(await plan.post('/api/programme-progress/2024/lock'), 'year lock');
  // Two records of one person, linked by the coordinator (a link needs such a pair: made directly).
  const tenantId = await db
    .selectFrom('users')
    .select(['tenant_id', 'id'])
    .where('login_id', '=', `${prefix}coordinator`)
    .executeTakeFirstOrThrow();
  const persons = await db
    .selectFrom('persons')
    .select('id')
    .where('tenant_id', '=', tenantId.tenant_id)
    .orderBy('id')
    .limit(2)
    .execute();
  await db
    .insertInto('person_links')
    .values({
      id: crypto.randomUUID(),
      tenant_id: tenantId.tenant_id,
      person_id: persons[0]?.id as string,
      duplicate_of_id: persons[1]?.id as string,
      linked_by: tenantId.id,
    })
    .execute();
}

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('row-level security on every tenant table', () => {
  it('covers every table with a tenant_id column: RLS on, one policy for the app role, the tenant predicate', async () => {
    expect(tables.size).toBeGreaterThanOrEqual(30);
    expect(await rowLevelSecurityGaps(db)).toEqual([]);
  });

  it('is applied idempotently: running it again changes nothing', async () => {
    const policies = async () =>
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM pg_policy WHERE polname = ${POLICY_NAME}`.execute(db)
      ).rows[0]?.n;
    const before = await policies();
    await applyRowLevelSecurity(db);
    expect(await policies()).toBe(before);
    // tenant tables + tenants + audit_chain_heads + audit_pending
    expect(before).toBe(tables.size + 3);
  });

  it('gives the app role no more than it needs: the audit trail append-only, tenants read-only, no migration tables', async () => {
    const can = async (table: string, privilege: string) =>
      (
        await sql<{
          ok: boolean;
        }>`SELECT has_table_privilege(${APP_ROLE}, ${table}, ${privilege}) AS ok`.execute(db)
      ).rows[0]?.ok;
    expect(await can('audit_events', 'INSERT')).toBe(true);
    expect(await can('audit_events', 'UPDATE')).toBe(false);
    expect(await can('audit_events', 'DELETE')).toBe(false);
    expect(await can('audit_events', 'TRUNCATE')).toBe(false);
    // events wait for their seal in audit_pending: a request may queue one, nothing more (ADR 0009)
    expect(await can('audit_pending', 'INSERT')).toBe(true);
    expect(await can('audit_pending', 'SELECT')).toBe(false);
    expect(await can('audit_pending', 'DELETE')).toBe(false);
    for (const privilege of ['SELECT', 'INSERT', 'UPDATE', 'DELETE'])
      for (const table of ['audit_seals', 'audit_seal_heads'])
        expect(await can(table, privilege), `${table} ${privilege}`).toBe(false);
    expect(await can('tenants', 'SELECT')).toBe(true);
    expect(await can('tenants', 'UPDATE')).toBe(false);
    expect(await can('kasane_migrations', 'SELECT')).toBe(false);
    expect(await can('persons', 'DELETE')).toBe(true);
    const { rows } = await sql<{ rolcanlogin: boolean; rolbypassrls: boolean; rolsuper: boolean }>`
      SELECT rolcanlogin, rolbypassrls, rolsuper FROM pg_roles WHERE rolname = ${APP_ROLE}`.execute(db);
    expect(rows[0]).toEqual({ rolcanlogin: false, rolbypassrls: false, rolsuper: false });
  });

  it('has data of both tenants in the tables that matter, so the checks below are not vacuous', () => {
    const empty = [...tables.keys()].filter(
      (t) => !(counts.get(t)?.get(tenantA) && counts.get(t)?.get(tenantB)),
    );
    for (const table of [
      'council_meetings',
      'council_meeting_attendees',
      'opinions',
      'programme_progress',
      'progress_year_locks',
      'person_links',
      'organizations',
      'users',
      'sessions',
      'audit_events',
      'persons',
      'households',
      'household_members',
      'consultations',
      'handovers',
      'cases',
      'case_persons',
      'case_participants',
      'meetings',
      'consents',
      'assessments',
      'support_plans',
      'plan_items',
      'support_reports',
      'case_events',
      'recidivism_plans',
      'programmes',
      'council_members',
    ])
      expect(empty, `${table} has rows of both tenants`).not.toContain(table);
    console.log(`tenant tables: ${tables.size}; without rows of both tenants: ${empty.join(', ')}`);
  });

  it("sees only its own tenant's rows in every tenant table, with no WHERE on tenant_id", async () => {
    for (const [table] of tables) {
      for (const [self, other] of [
        [tenantA, tenantB],
        [tenantB, tenantA],
      ] as const) {
        const seen = await runAsTenant(self, () =>
          sql<{ tenant_id: string | null; n: number }>`
            SELECT tenant_id, count(*)::int AS n FROM ${ident(table)} GROUP BY tenant_id`.execute(db),
        );
        const byTenant = new Map(seen.rows.map((r) => [r.tenant_id, r.n]));
        expect(byTenant.get(other), `${table}: ${other}'s rows seen from ${self}`).toBeUndefined();
        expect(
          [...byTenant.keys()].every((t) => t === self),
          `${table}: only ${self}`,
        ).toBe(true);
        expect(byTenant.get(self) ?? 0, `${table}: all of ${self}'s rows`).toBe(
          counts.get(table)?.get(self) ?? 0,
        );
      }
    }
    // and inside a transaction, as the routes read
    const persons = await runAsTenant(tenantA, () =>
      db.transaction().execute((tx) => tx.selectFrom('persons').select('tenant_id').execute()),
    );
    expect(persons.length).toBe(counts.get('persons')?.get(tenantA));
    expect(new Set(persons.map((p) => p.tenant_id))).toEqual(new Set([tenantA]));
  });

  it('refuses to insert a row for the other tenant into any tenant table', async () => {
    let tried = 0;
    for (const [table, columns] of tables) {
      if (!counts.get(table)?.get(tenantA)) continue;
      // a copy of one of A's rows, labelled as B's, written from A's scope
      const insertable = columns.filter((c) => !c.generated);
      const names = sql.join(insertable.map((c) => ident(c.name)));
      const values = sql.join(
        insertable.map((c) => (c.name === 'tenant_id' ? sql`${tenantB}::uuid` : ident(c.name))),
      );
      const attempt = runAsTenant(tenantA, () =>
        db
          .transaction()
          .execute((tx) =>
            sql`INSERT INTO ${ident(table)} (${names}) SELECT ${values} FROM ${ident(table)} LIMIT 1`.execute(
              tx,
            ),
          ),
      );
      await expect(attempt, table).rejects.toThrow(/row-level security/);
      tried++;
    }
    expect(tried).toBeGreaterThanOrEqual(25);
  });

  it("refuses to move its rows to the other tenant, and cannot touch the other tenant's rows", async () => {
    let tried = 0;
    for (const [table] of tables) {
      if (table === 'audit_events' || !counts.get(table)?.get(tenantA)) continue;
      const move = runAsTenant(tenantA, () =>
        db
          .transaction()
          .execute((tx) => sql`UPDATE ${ident(table)} SET tenant_id = ${tenantB}::uuid`.execute(tx)),
      );
      await expect(move, table).rejects.toThrow(/row-level security/);
      tried++;
    }
    expect(tried).toBeGreaterThanOrEqual(25);
    // B's rows are invisible to A's UPDATE and DELETE: nothing happens to them
    const updated = await runAsTenant(tenantA, () =>
      db
        .updateTable('persons')
        .set({ address: 'from A' })
        .where('tenant_id', '=', tenantB)
        .executeTakeFirst(),
    );
    expect(updated.numUpdatedRows).toBe(0n);
    const deleted = await runAsTenant(tenantA, () =>
      db.deleteFrom('sessions').where('tenant_id', '=', tenantB).executeTakeFirst(),
    );
    expect(deleted.numDeletedRows).toBe(0n);
    expect((await countsByTenant()).get('sessions')?.get(tenantB)).toBe(counts.get('sessions')?.get(tenantB));
    // the audit trail cannot be changed from a tenant scope at all (no privilege)
    await expect(
      runAsTenant(tenantA, () => db.deleteFrom('audit_events').where('tenant_id', '=', tenantA).execute()),
    ).rejects.toThrow(/permission denied/);
  });

  it("cannot queue an audit event in the other tenant's scope, nor read the tenant row of another", async () => {
    await expect(
      runAsTenant(tenantA, () =>
        db
          .transaction()
          .execute((tx) => tx.insertInto('audit_pending').values({ seq: '-1', scope: tenantB }).execute()),
      ),
    ).rejects.toThrow(/row-level security/);
    const visibleTenants = await runAsTenant(tenantA, () => db.selectFrom('tenants').select('id').execute());
    expect(visibleTenants.map((t) => t.id)).toEqual([tenantA]);
  });
});

describe("the persons' substring search functions (they run as their owner)", () => {
  const search = (fn: 'kasane_persons_by_name' | 'kasane_persons_by_kana', pattern: string) =>
    sql<{ id: string }>`SELECT id FROM ${sql.raw(fn)}(${pattern})`;

  it("return only the ids of the session's tenant, and nothing when no tenant is set", async () => {
    for (const tenant of [tenantA, tenantB]) {
      const own = await db.selectFrom('persons').select('id').where('tenant_id', '=', tenant).execute();
      expect(own.length).toBeGreaterThan(0);
      for (const fn of ['kasane_persons_by_name', 'kasane_persons_by_kana'] as const) {
        const found = await runAsTenant(tenant, () =>
          db.transaction().execute((tx) => search(fn, '%').execute(tx)),
        );
        expect(found.rows.map((r) => r.id).sort(), `${fn} in one tenant`).toEqual(
          own.map((p) => p.id).sort(),
        );
      }
    }
    const unscoped = await search('kasane_persons_by_name', '%').execute(db);
    expect(unscoped.rows).toEqual([]);
  });

  it('match their pattern, and may be executed by the request role only', async () => {
    const person = await db
      .selectFrom('persons')
      .select(['id', 'name_key', 'kana_key'])
      .where('tenant_id', '=', tenantA)
      .executeTakeFirstOrThrow();
    const inside = (key: string) => `%${key.slice(1, 4)}%`;
    const byName = await runAsTenant(tenantA, () =>
      db.transaction().execute((tx) => search('kasane_persons_by_name', inside(person.name_key)).execute(tx)),
    );
    const byKana = await runAsTenant(tenantA, () =>
      db.transaction().execute((tx) => search('kasane_persons_by_kana', inside(person.kana_key)).execute(tx)),
    );
    expect(byName.rows.map((r) => r.id)).toContain(person.id);
    expect(byKana.rows.map((r) => r.id)).toContain(person.id);
    const { rows } = await sql<{ app: boolean; everyone: boolean }>`
      SELECT has_function_privilege(${APP_ROLE}, 'kasane_persons_by_name(text)', 'EXECUTE') AS app,
             has_function_privilege('public', 'kasane_persons_by_name(text)', 'EXECUTE') AS everyone`.execute(
      db,
    );
    expect(rows[0]).toEqual({ app: true, everyone: false });
  });
});

describe('the access gate scopes every signed-in request to its tenant', () => {
  it('runs a signed-in request as the app role on its tenant, and a public one as the owner', async () => {
    const client = new ApiClient(url);
    expect((await client.signIn('b-houkatsu')).status).toBe(200);
    const scoped = await client.get<{
      scope: string;
      statement: { role: string; tenant: string };
      transaction: { role: string; tenant: string };
    }>('/api/test/whoami');
    expect(scoped.status).toBe(200);
    expect(scoped.body).toEqual({
      scope: tenantB,
      statement: { role: APP_ROLE, tenant: tenantB },
      transaction: { role: APP_ROLE, tenant: tenantB },
    });
    const other = new ApiClient(url);
    await other.signIn('houkatsu');
    expect((await other.get<{ scope: string }>('/api/test/whoami')).body.scope).toBe(tenantA);
    const anonymous = await new ApiClient(url).get<{ scope: string | null; role: string }>(
      '/api/test/whoami-public',
    );
    expect(anonymous.body.scope).toBeNull();
    expect(anonymous.body.role).not.toBe(APP_ROLE);
  });

  it('serves the API to both tenants under RLS: each sees its own cases only', async () => {
    const a = new ApiClient(url);
    await a.signIn('coordinator');
    const b = new ApiClient(url);
    await b.signIn('b-coordinator');
    const casesA = await a.get<{ items: { id: string }[] }>('/api/cases?limit=100');
    const casesB = await b.get<{ items: { id: string }[] }>('/api/cases?limit=100');
    expect(casesA.status).toBe(200);
    expect(casesA.body.items.length).toBeGreaterThan(5);
    expect(casesB.body.items.length).toBe(casesA.body.items.length);
    const idsB = new Set(casesB.body.items.map((c) => c.id));
    expect(casesA.body.items.some((c) => idsB.has(c.id))).toBe(false);
    // another tenant's case by id: 404, as for any case one may not see
    const foreign = casesB.body.items[0]?.id;
    expect((await a.get(`/api/cases/${foreign}`)).status).toBe(404);
  });
});

describe('pooled connections never carry a role or tenant to their next user', () => {
  const state = (executor: Kysely<DB>) =>
    sql<{ role: string; tenant: string | null }>`
      SELECT current_user AS role, nullif(current_setting(${TENANT_SETTING}, true), '') AS tenant`
      .execute(executor)
      .then((r) => r.rows[0]);

  /** A pool of one connection (PostgreSQL), or the embedded database's one session. */
  async function singleConnection(): Promise<{ db: Kysely<DB>; close(): Promise<void> }> {
    if (testBackend() === 'pglite') return { db, close: async () => {} };
    const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(db)).rows[0]?.name;
    const single = openPostgres(databaseUrlFor(name as string), 1);
    return { db: single.db, close: () => single.close() };
  }

  it('resets after statements, transactions, failed statements and failed transactions', async () => {
    const single = await singleConnection();
    try {
      const owner = await state(single.db);
      expect(owner?.role).not.toBe(APP_ROLE);
      expect(owner?.tenant).toBeNull();
      // a statement outside a transaction
      expect(await runAsTenant(tenantA, () => state(single.db))).toEqual({ role: APP_ROLE, tenant: tenantA });
      expect(await state(single.db)).toEqual(owner);
      // a transaction
      expect(await runAsTenant(tenantB, () => single.db.transaction().execute((tx) => state(tx)))).toEqual({
        role: APP_ROLE,
        tenant: tenantB,
      });
      expect(await state(single.db)).toEqual(owner);
      // a failing statement
      await expect(runAsTenant(tenantA, () => sql`SELECT 1 / 0`.execute(single.db))).rejects.toThrow();
      expect(await state(single.db)).toEqual(owner);
      // a transaction that fails and rolls back
      await expect(
        runAsTenant(tenantA, () =>
          single.db.transaction().execute(async (tx) => {
            await sql`SELECT 1 / 0`.execute(tx);
          }),
        ),
      ).rejects.toThrow();
      expect(await state(single.db)).toEqual(owner);
      // and the owner's work after a tenant's sees every tenant again
      const tenants = await single.db.selectFrom('tenants').select('id').execute();
      expect(tenants.map((t) => t.id)).toEqual(expect.arrayContaining([tenantA, tenantB]));
      expect(tenants.length).toBeGreaterThanOrEqual(2);
    } finally {
      await single.close();
    }
  });

  it("answers a statement prepared in one tenant's scope with the other tenant's rows in the other's", async () => {
    const single = await singleConnection();
    try {
      const personsOf = () =>
        single.db
          .selectFrom('persons')
          .select((eb) => ['tenant_id', eb.fn.countAll<string>().as('n')])
          .where('family_name', '<>', '')
          .groupBy('tenant_id');
      // more executions than PostgreSQL makes custom plans before it may settle on a generic one
      for (let i = 0; i < 12; i++) {
        const tenant = i % 2 === 0 ? tenantA : tenantB;
        const rows = await runAsTenant(tenant, () => personsOf().execute());
        expect(rows.map((r) => ({ tenant: r.tenant_id, n: Number(r.n) }))).toEqual([
          { tenant, n: counts.get('persons')?.get(tenant) },
        ]);
      }
      if (testBackend() === 'postgres') {
        // it was prepared once on the connection and executed under both tenants
        const text = personsOf().compile().sql;
        const prepared = await sql<{ executions: number }>`
          SELECT (generic_plans + custom_plans)::int AS executions
            FROM pg_prepared_statements WHERE statement = ${text}`.execute(single.db);
        expect(prepared.rows).toEqual([{ executions: 12 }]);
      }
    } finally {
      await single.close();
    }
  });

  it('keeps every concurrent piece of work in its own scope on a shared pool', async () => {
    const pool =
      testBackend() === 'pglite'
        ? { db, close: async () => {} }
        : await (async () => {
            const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(db)).rows[0]
              ?.name;
            const shared = openPostgres(databaseUrlFor(name as string), 3);
            return { db: shared.db, close: () => shared.close() };
          })();
    try {
      const work = Array.from({ length: 60 }, (_, i) => {
        const tenant = i % 3 === 0 ? undefined : i % 3 === 1 ? tenantA : tenantB;
        const run = async () => {
          const seen =
            i % 2 === 0
              ? await state(pool.db)
              : await pool.db.transaction().execute(async (tx) => {
                  await sql`SELECT pg_sleep(0.005)`.execute(tx);
                  return state(tx);
                });
          return { tenant, seen };
        };
        return tenant ? runAsTenant(tenant, run) : run();
      });
      for (const { tenant, seen } of await Promise.all(work)) {
        if (tenant) expect(seen).toEqual({ role: APP_ROLE, tenant });
        else {
          expect(seen?.role).not.toBe(APP_ROLE);
          expect(seen?.tenant).toBeNull();
        }
      }
    } finally {
      await pool.close();
    }
  });
});

describe('migrating a database applies row-level security', () => {
  it('reports a table that lacks it, and a migration run restores it', async () => {
    await sql`ALTER TABLE persons DISABLE ROW LEVEL SECURITY`.execute(db);
    await sql`DROP POLICY ${sql.id(POLICY_NAME)} ON support_reports`.execute(db);
    const gaps = await rowLevelSecurityGaps(db);
    expect(gaps).toEqual([
      { table: 'persons', problem: 'row-level security is not enabled' },
      { table: 'support_reports', problem: `no policy ${POLICY_NAME}` },
    ]);
    await migrateToLatest(db);
    expect(await rowLevelSecurityGaps(db)).toEqual([]);
  });
});
