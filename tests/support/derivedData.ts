import type { Kysely, RawBuilder, Transaction } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import { backupAndRestore, demoCityTenant, freshDatabase, rolledBack } from './testDatabase.ts';

/**
 * What the tests of data kept by triggers share (a column or a tally table derived from other rows,
 * which a read uses instead of the rows): a database of the test file's own, the kept rows read beside
 * the same rows computed from the records, and the checks every such derivation passes — a write that
 * rolls back leaves it as it was, a backup and restore brings it back the same.
 */

/** One derivation: the rows its triggers keep, and the same rows computed from the records, in one order. */
export interface Derivation {
  /** what it keeps, named in a failure's message */
  name: string;
  kept: RawBuilder<unknown>;
  derived: RawBuilder<unknown>;
}

export interface DerivedDataFile {
  /** the file's database (a copy of the template), open from the file's first beforeAll on */
  readonly db: Kysely<DB>;
  /** the tenant whose rows the file writes as the request role */
  readonly tenantId: string;
  /** the rows each derivation keeps now: equal before and after a write that must change none of them */
  snapshot(): Promise<unknown[][]>;
  /** every derivation's kept rows are the rows the records give */
  expectKeptMatchDerived(): Promise<void>;
}

/**
 * A test file's database for the derivations given, opened before its tests and closed after them;
 * `tenantOf` picks the tenant the file writes for (the demo municipality's unless told).
 */
export function derivedDataFile(
  derivations: readonly Derivation[],
  tenantOf: (db: Kysely<DB>) => Promise<string> = demoCityTenant,
): DerivedDataFile {
  let database: Database | undefined;
  let tenantId = '';
  const db = () => {
    if (!database) throw new Error('the database opens in the test file’s beforeAll');
    return database.db;
  };
  beforeAll(async () => {
    database = await freshDatabase();
    tenantId = await tenantOf(database.db);
  });
  afterAll(() => database?.close());
  return {
    get db() {
      return db();
    },
    get tenantId() {
      return tenantId;
    },
    async snapshot() {
      const kept: unknown[][] = [];
      for (const derivation of derivations) kept.push((await derivation.kept.execute(db())).rows);
      return kept;
    },
    async expectKeptMatchDerived() {
      for (const { name, kept, derived } of derivations)
        expect((await kept.execute(db())).rows, name).toEqual((await derived.execute(db())).rows);
    },
  };
}

/**
 * The two checks of a derivation that need nothing but a write: `write`, rolled back, changes none of
 * the kept rows; a backup and restore gives them back the same (tally tables named in
 * `leftOutOfBackup` are not in the backup: the restore rebuilds them). Both end with the kept rows
 * matching the records.
 */
export function itSurvivesRollbackAndRestore(
  file: DerivedDataFile,
  write: (tx: Transaction<DB>) => Promise<unknown>,
  leftOutOfBackup: readonly string[] = [],
): void {
  it('is untouched by a write that rolls back', async () => {
    const before = await file.snapshot();
    await rolledBack(file.db, write);
    expect(await file.snapshot()).toEqual(before);
    await file.expectKeptMatchDerived();
  });

  it('comes back the same from a backup and restore', async () => {
    const before = await file.snapshot();
    const manifest = await backupAndRestore(file.db);
    const backedUp = manifest.tables.map((t) => t.name);
    for (const table of leftOutOfBackup) expect(backedUp).not.toContain(table);
    expect(await file.snapshot()).toEqual(before);
    await file.expectKeptMatchDerived();
  });
}

/** For derivedDataFile: the tenant of the first row (by id) of a table of the seeded data. */
export function tenantOfFirst(table: 'cases' | 'support_plans'): (db: Kysely<DB>) => Promise<string> {
  return async (db) =>
    (await db.selectFrom(table).select('tenant_id').orderBy('id').executeTakeFirstOrThrow()).tenant_id;
}
