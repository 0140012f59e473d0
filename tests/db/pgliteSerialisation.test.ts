import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { wrapPGlite } from '../../src/db/database.ts';

/**
 * The embedded database has one session. Our dialect must hold it for a whole transaction so a
 * concurrent autocommit write cannot land inside another request's transaction and vanish with
 * its rollback (the data loss reproduced with kysely-pglite, docs/adr/0001-embedded-pglite-default.md).
 */
describe('serialised PGlite dialect', () => {
  it('loses no write when transactions and autocommit writes run concurrently and some roll back', async () => {
    const database = wrapPGlite(await PGlite.create());
    const { db } = database;
    try {
      await sql`CREATE TABLE t (id int PRIMARY KEY, origin text NOT NULL)`.execute(db);
      const committed = new Set<number>();
      const attempts: Promise<void>[] = [];
      for (let i = 0; i < 200; i++) {
        if (i % 4 === 0) {
          // A transaction that writes, yields to the event loop, then fails and rolls back.
          attempts.push(
            db
              .transaction()
              .execute(async (tx) => {
                await sql`INSERT INTO t VALUES (${10_000 + i}, 'doomed')`.execute(tx);
                await new Promise((resolve) => setTimeout(resolve, 1));
                throw new Error('roll back');
              })
              .catch(() => undefined),
          );
        } else if (i % 4 === 1) {
          attempts.push(
            db.transaction().execute(async (tx) => {
              await sql`INSERT INTO t VALUES (${i}, 'tx')`.execute(tx);
              await new Promise((resolve) => setTimeout(resolve, 1));
              await sql`UPDATE t SET origin = 'tx-committed' WHERE id = ${i}`.execute(tx);
              committed.add(i);
            }),
          );
        } else {
          attempts.push(
            sql`INSERT INTO t VALUES (${i}, 'autocommit')`.execute(db).then(() => {
              committed.add(i);
            }),
          );
        }
      }
      await Promise.all(attempts);
      const rows = await sql<{ id: number; origin: string }>`SELECT id, origin FROM t ORDER BY id`.execute(
        db,
      );
      expect(rows.rows.map((r) => r.id)).toEqual([...committed].sort((a, b) => a - b));
      expect(committed.size).toBe(150);
      expect(rows.rows.filter((r) => r.origin === 'doomed')).toHaveLength(0);
      expect(rows.rows.filter((r) => r.origin === 'tx')).toHaveLength(0);
    } finally {
      await database.close();
    }
  });
});
