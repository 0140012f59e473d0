import pg from 'pg';
import { databaseUrlFor } from './backend.ts';

/**
 * A new, empty PostgreSQL database (not migrated, not seeded: what a city's DBA hands over) on the
 * suite's server (DATABASE_URL), dropped by `drop()`.
 */
export async function emptyPostgres(
  prefix: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `kasane_${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  await admin.end();
  return {
    name,
    url: databaseUrlFor(name),
    drop: async () => {
      const again = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}
