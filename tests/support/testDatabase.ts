import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { inject } from 'vitest';
import { type BackupManifest, backupDatabase, restoreDatabase } from '../../src/db/backup.ts';
import type { Database } from '../../src/db/database.ts';
import { APP_ROLE, TENANT_SETTING } from '../../src/db/rowLevelSecurity.ts';
import type { DB } from '../../src/db/schema.ts';
import { testBackend } from './backend.ts';
import { pgliteFromDump, recycledPGlite, recycledPostgres } from './recycledDatabase.ts';

/**
 * A copy of the migrated, seeded template database, for one test file.
 *
 * The copy is one an earlier test file of this worker used, put back to the template's content, or a
 * new one when none is idle or the last lease changed the catalog (recycledDatabase.ts). Closing it
 * returns it to the worker's pool; the suite's teardown removes the pool.
 */
export function freshDatabase(): Promise<Database> {
  const template = inject('databaseTemplate');
  return testBackend() === 'pglite' ? recycledPGlite(template) : recycledPostgres(template);
}

/** A new, unmigrated PGlite cluster, loaded from the dump global setup took of one (faster than initdb). */
export function emptyPGlite(): Promise<PGlite> {
  return pgliteFromDump(inject('emptyCluster'));
}

/** Run `write` in a transaction that then fails, so that all it wrote is rolled back. */
export async function rolledBack(
  db: Kysely<DB>,
  write: (tx: Transaction<DB>) => Promise<unknown>,
): Promise<void> {
  await db
    .transaction()
    .execute(async (tx) => {
      await write(tx);
      throw new Error('roll back');
    })
    .catch(() => undefined);
}

/** Run `write` in a transaction as the request role under row-level security, for the tenant's rows. */
export function asRequestRole<T>(
  db: Kysely<DB>,
  tenantId: string,
  write: (tx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql.raw(`SET LOCAL ROLE ${APP_ROLE}`).execute(tx);
    await sql`SELECT set_config(${TENANT_SETTING}, ${tenantId}, true)`.execute(tx);
    return write(tx);
  });
}

/** Back the database up to a temporary file and restore it from there (forced); the backup's manifest. */
export async function backupAndRestore(db: Kysely<DB>): Promise<BackupManifest> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-backup-')), 'backup.jsonl.gz');
  try {
    const manifest = await backupDatabase(db, file, 'test');
    await restoreDatabase(db, file, { force: true });
    return manifest;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** The tenant of the demo municipality (鹿児島市), which holds the demo casework. */
export async function demoCityTenant(db: Kysely<DB>): Promise<string> {
  return (
    await db.selectFrom('tenants').select('id').where('code', '=', 'kagoshima').executeTakeFirstOrThrow()
  ).id;
}

/** A database test file's own copy of the template, and the demo municipality's (鹿児島市) tenant id. */
export async function freshDemoCity(): Promise<{ database: Database; db: Kysely<DB>; tenantId: string }> {
  const database = await freshDatabase();
  return { database, db: database.db, tenantId: await demoCityTenant(database.db) };
}

/**
 * Copies of `count` rows of `table` (those `where` selects, in id order), with new ids and the columns
 * in `replace` computed anew, inserted in one statement (as a bulk write would): for the tests of what
 * triggers keep. Returns the new ids.
 */
export async function insertCopies(
  executor: Kysely<DB>,
  table: string,
  count: number,
  replace: Record<string, RawBuilder<unknown>> = {},
  where: RawBuilder<boolean> = sql<boolean>`true`,
): Promise<string[]> {
  const { rows: columns } = await sql<{ name: string }>`
    SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'
    ORDER BY ordinal_position`.execute(executor);
  const names = columns.map((c) => c.name);
  const values = names.map((name) =>
    name === 'id' ? sql`gen_random_uuid()` : (replace[name] ?? sql.ref(name)),
  );
  const inserted = await sql<{ id: string }>`
    INSERT INTO ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
    SELECT ${sql.join(values)} FROM ${sql.table(table)} WHERE ${where} ORDER BY id LIMIT ${count}
    RETURNING id`.execute(executor);
  return inserted.rows.map((r) => r.id);
}
