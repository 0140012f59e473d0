/**
 * The bench's database on a PostgreSQL server: BENCH_DATABASE_URL (else DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres) names the server; the bench creates a database of
 * its own there and drops it afterwards (BENCH_KEEP=1 keeps and reuses `kasane_bench_<scale>`).
 */
import pg from 'pg';
import { openPostgres } from '../src/db/database.ts';
import type { BenchDatabase } from './benchDatabase.ts';
import { generateCityData, type ScaleName } from './generate.ts';

/** Kasane's pool, and the raw replay's and the anchor's. */
const poolSize = 10;

export function postgresBenchDatabase(scaleName: ScaleName, keep: boolean): BenchDatabase {
  const serverUrl =
    process.env.BENCH_DATABASE_URL ||
    process.env.DATABASE_URL ||
    'postgres://postgres@127.0.0.1:5432/postgres';
  // A kept database is found again by its scale; a throwaway one is the run's own.
  const dbName = keep ? `kasane_bench_${scaleName}` : `kasane_bench_${scaleName}_${process.pid}`;
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const benchUrl = url.toString();

  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  return {
    kind: 'postgresql',
    description: `PostgreSQL, pool ${poolSize}`,
    exclusive: false,
    location: { kind: 'postgresql', url: benchUrl, poolSize },
    serverEnv: { DATABASE_URL: benchUrl, KASANE_DB_POOL_SIZE: String(poolSize) },
    async prepare(scale, log) {
      const reused = await admin(async (client) => {
        const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]))
          .rowCount;
        if (exists && keep) return true;
        await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await client.query(
          `CREATE DATABASE ${dbName} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
        );
        return false;
      });
      if (reused) {
        log(`reusing database ${dbName}`);
        return;
      }
      log(`generating ${JSON.stringify(scale)} into ${dbName}`);
      const database = openPostgres(benchUrl, 4);
      try {
        await generateCityData(database, scale, log);
      } finally {
        await database.close();
      }
    },
    async remove() {
      if (keep) return;
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    },
  };
}
