import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce } from '../../src/db/compiledOnce.ts';
import type { Database } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import { freshDatabase, rolledBack } from '../support/testDatabase.ts';

/**
 * src/db/compiledOnce.ts: a statement built and compiled once, then run with new values each time —
 * the session lookup and the audit event use it on every request.
 */

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
});

afterAll(async () => {
  await database.close();
});

describe('compiledOnce', () => {
  it('builds once and binds each call’s values in their places, keeping the values written in the query', async () => {
    let builds = 0;
    const sum = compiledOnce(
      { left: true, right: true },
      (executor, { left, right }: { left: number; right: number }) => {
        builds += 1;
        // `right` comes first in the text: the values are bound by name, not by order
        return executor.selectNoFrom([
          sql<number>`${right}::int * 100 + ${left}::int + ${7}::int`.as('n'),
          sql<string>`${'fixed'}::text`.as('word'),
        ]);
      },
    );
    expect(await sum(db, { left: 1, right: 2 })).toEqual([{ n: 208, word: 'fixed' }]);
    expect(await sum(db, { left: 30, right: 4 })).toEqual([{ n: 437, word: 'fixed' }]);
    expect(builds).toBe(1);
  });

  it('runs in the caller’s transaction', async () => {
    const organisationName = compiledOnce({ id: true }, (executor, { id }: { id: string }) =>
      executor.selectFrom('organizations').select('name').where('id', '=', id),
    );
    const [any] = await db.selectFrom('organizations').select(['id', 'tenant_id']).limit(1).execute();
    expect(any).toBeDefined();
    const id = any?.id as string;
    let seen: unknown;
    await rolledBack(db, async (tx) => {
      await tx.updateTable('organizations').set({ name: '試験用の名前' }).where('id', '=', id).execute();
      seen = await organisationName(tx, { id });
    });
    expect(seen).toEqual([{ name: '試験用の名前' }]);
    expect((await organisationName(db, { id }))[0]?.name).not.toBe('試験用の名前');
  });

  it('refuses a value the query does not take as a parameter', async () => {
    const wrong = compiledOnce({ unused: true }, (executor, _values: { unused: number }) =>
      executor.selectNoFrom(sql<number>`1`.as('n')),
    );
    await expect(wrong(db, { unused: 1 })).rejects.toThrow(/not parameters of the query: unused/);
  });
});
