import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPGlite, openPostgres, wrapPGlite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { databaseUrlFor, testBackend } from './backend.ts';
import { seedTestData } from './seedTestData.ts';

/** Migrate and seed one template database; every test file starts from a copy of it. */
export default async function setup(project: TestProject) {
  // the seed hashes the demo password here, in the main process, which the config's `env` does not reach
  process.env.KASANE_PASSWORD_HASH ??= 'test';
  if (testBackend() === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-test-'));
    const file = path.join(dir, 'template.tar');
    const empty = path.join(dir, 'empty.tar');
    const instance = await createPGlite();
    // the new cluster as initdb left it, for the tests that need an unmigrated database
    fs.writeFileSync(empty, Buffer.from(await (await instance.dumpDataDir('none')).arrayBuffer()));
    project.provide('emptyCluster', empty);
    const database = wrapPGlite(instance);
    await migrateToLatest(database.db);
    await seedTestData(database);
    // uncompressed: every test file loads it, and a gzipped one costs each load a third more CPU
    const dump = await instance.dumpDataDir('none');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('databaseTemplate', file);
    return () => fs.rmSync(dir, { recursive: true, force: true });
  }

  const name = `kasane_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  const database = openPostgres(databaseUrlFor(name), 2);
  await migrateToLatest(database.db);
  await seedTestData(database);
  await database.close();
  project.provide('databaseTemplate', name);
  project.provide('emptyCluster', '');
  return async () => {
    // the workers' recycled copies are named after the template (recycledDatabase.ts)
    const { rows: copies } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${name}\\_%`],
    );
    for (const copy of copies) await admin.query(`DROP DATABASE IF EXISTS ${copy.datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
