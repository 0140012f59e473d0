import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { startMaintenance } from '../../src/db/maintenance.ts';
import { freshDatabase } from '../support/testDatabase.ts';

/**
 * The embedded database's upkeep (src/db/maintenance.ts): PGlite has no autovacuum, so the server
 * vacuums and analyses every table itself, a few minutes after it starts and then daily. Run on both
 * databases: the statements are the same.
 */

let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

interface TableStats {
  relname: string;
  vacuums: number;
  analyses: number;
}

async function tableStats(): Promise<TableStats[]> {
  const { rows } = await sql<TableStats>`
    SELECT relname, vacuum_count::int AS vacuums, analyze_count::int AS analyses
      FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY relname`.execute(database.db);
  return rows;
}

const times = (stats: TableStats[], table: string) => stats.find((s) => s.relname === table);

describe('the embedded database is vacuumed and analysed by the server', () => {
  it('vacuums and analyses every table, and the planner then has statistics for their columns', async () => {
    const before = await tableStats();
    expect(before.length).toBeGreaterThan(40);
    const maintenance = startMaintenance(database, { firstAfterMs: 3_600_000 });
    await maintenance.runNow();
    await maintenance.stop();
    const after = await tableStats();
    for (const table of after) {
      const earlier = times(before, table.relname);
      expect(table.vacuums, table.relname).toBeGreaterThan(earlier?.vacuums ?? 0);
      expect(table.analyses, table.relname).toBeGreaterThan(earlier?.analyses ?? 0);
    }
    const { rows } = await sql<{ columns: number }>`
      SELECT count(*)::int AS columns FROM pg_stats WHERE schemaname = 'public' AND tablename = 'persons'`.execute(
      database.db,
    );
    expect(rows[0]?.columns).toBeGreaterThan(5);
  });

  it('runs first after the delay it is given and then again at its interval, until stopped', async () => {
    const start = times(await tableStats(), 'cases')?.analyses ?? 0;
    const maintenance = startMaintenance(database, { firstAfterMs: 50, everyMs: 200 });
    let seen = start;
    for (let waited = 0; seen < start + 2 && waited < 20_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = times(await tableStats(), 'cases')?.analyses ?? 0;
    }
    await maintenance.stop();
    expect(seen).toBeGreaterThanOrEqual(start + 2);
    const stopped = times(await tableStats(), 'cases')?.analyses ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(times(await tableStats(), 'cases')?.analyses).toBe(stopped);
  });
});
