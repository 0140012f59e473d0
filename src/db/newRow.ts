import { randomUUID } from 'node:crypto';
import type { Insertable, InsertObject } from 'kysely';
import type { Executor } from './executor.ts';
import type { DB } from './schema.ts';

/** The tables whose rows are keyed by an `id` the application makes (a random uuid). */
type TableWithId = { [T in keyof DB]: DB[T] extends { id: unknown } ? T : never }[keyof DB];

/** Insert one row under a new id; answers the id. */
export async function insertNewRow<T extends TableWithId>(
  tx: Executor,
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
