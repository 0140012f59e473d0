import { randomUUID } from 'node:crypto';
import type { Insertable, InsertObject, Kysely, Selectable } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Inserting a row under an id the application makes (a random uuid). Each takes the database or an
 * open transaction (a transaction is a Kysely too).
 */

/*
 * Kysely cannot see that a generic table's insertable row plus `id` is again an insertable row of that
 * table, so each helper asserts it (`as InsertObject`); the signatures callers see stay exact.
 */

/** The tables whose rows are keyed by an `id`. */
type TableWithId = { [T in keyof DB]: DB[T] extends { id: unknown } ? T : never }[keyof DB];

/** Insert one row under a new id; answers the id. */
export async function insertNewRow<T extends TableWithId>(
  tx: Kysely<DB>,
  table: T,
  values: Omit<Insertable<DB[T]>, 'id'>,
): Promise<string> {
  const id = randomUUID();
  await tx
    .insertInto(table)
    .values({ ...values, id } as InsertObject<DB, T>)
    .execute();
  return id;
}

/** Insert one row under a new id; answers the row as stored (its defaults filled in). */
export async function insertNewRowReturning<T extends TableWithId>(
  tx: Kysely<DB>,
  table: T,
  values: Omit<Insertable<DB[T]>, 'id'>,
): Promise<Selectable<DB[T]>> {
  const row = await tx
    .insertInto(table)
    .values({ ...values, id: randomUUID() } as InsertObject<DB, T>)
    .returningAll()
    .executeTakeFirstOrThrow();
  return row as Selectable<DB[T]>;
}

/** Rows to insert, each under a new id: the statement, to execute (or to give an ON CONFLICT first). */
export function insertNewRows<T extends TableWithId>(
  tx: Kysely<DB>,
  table: T,
  rows: readonly Omit<Insertable<DB[T]>, 'id'>[],
) {
  return tx
    .insertInto(table)
    .values(rows.map((row) => ({ ...row, id: randomUUID() }) as InsertObject<DB, T>));
}
