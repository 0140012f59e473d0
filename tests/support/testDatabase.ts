import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { createPGlite, type Database, openPostgres, wrapPGlite } from '../../src/db/database.ts';
import { databaseUrlFor, testBackend } from './backend.ts';
import { recycledPGlite, recycledPostgres } from './recycledDatabase.ts';

/**
 * A fresh copy of the migrated, seeded template database, dropped again on close.
 *
 * With `recycle`, the copy is one an earlier test file of this worker used, put back to the template's
 * content (recycledDatabase.ts): for files that reach the database through the API and do not change
 * its schema. Tests that alter the catalog on purpose take a new one.
 */
export async function freshDatabase({ recycle = false } = {}): Promise<Database> {
  const template = inject('databaseTemplate');
  if (testBackend() === 'pglite') {
    if (recycle) return recycledPGlite(template);
    const instance = await createPGlite({ loadDataDir: new Blob([fs.readFileSync(template)]) });
    return wrapPGlite(instance);
  }
  if (recycle) return recycledPostgres(template);
  const name = `kasane_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const database = openPostgres(databaseUrlFor(name), 10);
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
