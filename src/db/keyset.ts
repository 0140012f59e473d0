import { sql } from 'kysely';

/** A position in a keyset-paginated list: the sort key (an instant, to the microsecond) and the id. */
export interface KeysetCursor {
  at: string;
  id: string;
}

/**
 * An instant as text to the microsecond (timestamptz keeps microseconds, a JS Date only
 * milliseconds): keyset cursors carry this so that no row is skipped or repeated.
 */
export const sortKey = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The rows past a cursor in a list sorted by (instant, id): the older ones when the list runs newest
 * first ('desc'), the newer ones when it runs oldest first ('asc').
 */
export const pastCursor = (
  instantColumn: string,
  idColumn: string,
  cursor: KeysetCursor,
  order: 'asc' | 'desc' = 'desc',
) =>
  sql<boolean>`(${sql.ref(instantColumn)}, ${sql.ref(idColumn)}) ${sql.raw(order === 'desc' ? '<' : '>')} (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
