import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres } from '../../src/db/database.ts';
import { MAX_PREPARED_STATEMENTS } from '../../src/db/pgliteDialect.ts';
import { MAX_STATEMENTS_PER_CONNECTION, planForEachExecution } from '../../src/db/preparedStatements.ts';
import type { DB } from '../../src/db/schema.ts';
import { databaseUrlFor, testBackend } from '../support/backend.ts';
import { freshDatabase } from '../support/testDatabase.ts';

/**
 * Statements with parameters are prepared once per PostgreSQL connection (src/db/preparedStatements.ts)
 * and once per embedded session (src/db/pgliteDialect.ts); a connection that has prepared too many is
 * replaced, the embedded session deallocates them; a transaction can ask for plans made for each
 * execution's values. Tenants and prepared statements: tests/db/rowLevelSecurity.test.ts.
 */

let database: Database;
let single: Database | undefined;
let db: Kysely<DB>;

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  if (testBackend() === 'postgres') {
    const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(db)).rows[0]?.name;
    single = openPostgres(databaseUrlFor(name as string), 1);
  }
});

afterAll(async () => {
  await single?.close();
  await database.close();
});

const backendPid = (executor: Kysely<DB>) =>
  sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(executor).then((r) => r.rows[0]?.pid);

describe.runIf(testBackend() === 'postgres')('prepared statements on PostgreSQL', () => {
  it('prepares a statement with parameters once and reuses it; a statement without keeps the simple protocol', async () => {
    const one = single?.db as Kysely<DB>;
    const query = () => sql<{ n: number }>`SELECT ${41}::int + 1 AS n`.execute(one);
    for (let i = 0; i < 3; i++) expect((await query()).rows).toEqual([{ n: 42 }]);
    await sql`SELECT 1`.execute(one);
    const { rows } = await sql<{ statement: string; executions: number }>`
      SELECT statement, (generic_plans + custom_plans)::int AS executions
        FROM pg_prepared_statements ORDER BY prepare_time`.execute(one);
    expect(rows).toContainEqual({ statement: 'SELECT $1::int + 1 AS n', executions: 3 });
    expect(rows.map((r) => r.statement)).not.toContain('SELECT 1');
  });

  it(`replaces a connection that has prepared more than ${MAX_STATEMENTS_PER_CONNECTION} statements`, async () => {
    const one = single?.db as Kysely<DB>;
    const before = await backendPid(one);
    for (let i = 0; i <= MAX_STATEMENTS_PER_CONNECTION; i++)
      await sql`SELECT ${i}::int AS ${sql.id(`n${i}`)}`.execute(one);
    const after = await backendPid(one);
    expect(after).not.toBe(before);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements`.execute(
      one,
    );
    expect(rows[0]?.n).toBeLessThan(5);
  });
});

const preparedCount = (executor: Kysely<DB>) =>
  sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements`
    .execute(executor)
    .then((r) => r.rows[0]?.n ?? 0);

describe.runIf(testBackend() === 'pglite')('prepared statements on the embedded database', () => {
  it('prepares a statement with parameters once and reuses it; a statement without keeps the simple protocol', async () => {
    const query = () => sql<{ n: number }>`SELECT ${41}::int + 1 AS n`.execute(db);
    for (let i = 0; i < 3; i++) expect((await query()).rows).toEqual([{ n: 42 }]);
    await sql`SELECT 1 AS one`.execute(db);
    const { rows } = await sql<{ statement: string; executions: number }>`
      SELECT statement, (generic_plans + custom_plans)::int AS executions FROM pg_prepared_statements`.execute(
      db,
    );
    expect(rows).toContainEqual({ statement: 'SELECT $1::int + 1 AS n', executions: 3 });
    expect(rows.map((r) => r.statement)).not.toContain('SELECT 1 AS one');
  });

  it('answers a failed statement with its error and goes on, inside a transaction and out of one', async () => {
    const divide = (by: number) => sql<{ n: number }>`SELECT 1 / ${by}::int AS n`.execute(db);
    await expect(divide(0)).rejects.toMatchObject({ code: '22012' });
    expect((await divide(1)).rows).toEqual([{ n: 1 }]);
    const inside = await db
      .transaction()
      .execute(async (tx) => {
        await sql`SELECT 1 / ${0}::int`.execute(tx);
      })
      .catch((error: { code?: string }) => error.code);
    expect(inside).toBe('22012');
    // the rollback ended the transaction: a statement runs on its own again
    expect((await divide(2)).rows).toEqual([{ n: 0 }]);
    await expect(sql`SELECT ${'x'}::int`.execute(db)).rejects.toMatchObject({ code: '22P02' });
  });

  it(`deallocates what it prepared once it holds ${MAX_PREPARED_STATEMENTS} statements`, async () => {
    for (let i = 0; i <= MAX_PREPARED_STATEMENTS; i++)
      await sql`SELECT ${i}::int AS ${sql.id(`n${i}`)}`.execute(db);
    // only those prepared since it deallocated the rest
    expect(await preparedCount(db)).toBeLessThan(10);
    expect((await sql<{ n: number }>`SELECT ${7}::int AS n`.execute(db)).rows).toEqual([{ n: 7 }]);
  });
});

describe('plans for each execution', () => {
  it('holds for the rest of the transaction only', async () => {
    const mode = (executor: Kysely<DB>) =>
      sql<{ plan_cache_mode: string }>`SHOW plan_cache_mode`
        .execute(executor)
        .then((r) => r.rows[0]?.plan_cache_mode);
    const inside = await db.transaction().execute(async (tx) => {
      const before = await mode(tx);
      await planForEachExecution(tx);
      return { before, after: await mode(tx) };
    });
    expect(inside).toEqual({ before: 'auto', after: 'force_custom_plan' });
    expect(await mode(db)).toBe('auto');
  });
});
