import { inject } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { testBackend } from './backend.ts';
import { recycledPGlite, recycledPostgres } from './recycledDatabase.ts';

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
