import { HttpProblem } from './problem.ts';

/**
 * Keyset pagination cursors, for every list: an opaque base64url JSON array holding the sort key
 * and id of the last row of a page. Each part is checked against the list's key shape before it
 * can reach SQL, so a cursor we did not make is a 400, never a 500 or a wrong page.
 */
export type KeyPart =
  /** 0 or 1: which part of a list walked in two parts (e.g. pending first, then decided) */
  | 'rank'
  | 'integer'
  | 'text'
  | 'uuid'
  /** a calendar date 'YYYY-MM-DD' */
  | 'date'
  /** an ISO instant with microseconds, as encoded from a timestamptz */
  | 'instant'
  /** PostgreSQL's text form of a timestamptz ('2026-11-26 12:34:56.123456+00') */
  | 'timestampText';

type Decoded<T extends readonly KeyPart[]> = {
  [K in keyof T]: T[K] extends 'rank' | 'integer' ? number : string;
};

const checks: Record<KeyPart, (value: unknown) => boolean> = {
  rank: (value) => value === 0 || value === 1,
  integer: (value) => Number.isSafeInteger(value),
  text: (value) => typeof value === 'string' && value.length <= 200,
  uuid: (value) =>
    typeof value === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  date: (value) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
  instant: (value) =>
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value) &&
    !Number.isNaN(Date.parse(value)),
  timestampText: (value) =>
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(value),
};

/** The cursor of the page after the one whose last row has this key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The `nextCursor` of a list answer: a list reads one row more than its page (`limit + 1`), and
 * when there was more, the cursor is the key of the page's last row.
 */
export function nextCursor<T>(
  page: readonly T[],
  more: boolean,
  keyOf: (last: T) => readonly (string | number)[],
): string | null {
  const last = page.at(-1);
  return more && last !== undefined ? encodeCursor(keyOf(last)) : null;
}

/**
 * A page of a list read one row deeper than the page (`limit + 1`): the page's rows, and the
 * `nextCursor` of the list answer (the key of the page's last row, when there was more).
 */
export function pageOf<T>(
  rows: readonly T[],
  limit: number,
  keyOf: (last: T) => readonly (string | number)[],
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: nextCursor(page, rows.length > limit, keyOf) };
}

const badCursor = () =>
  new HttpProblem(
    400,
    'validation.invalid',
    'カーソルが正しくありません。一覧を最初から読み込み直してください。',
    [{ field: 'クエリ.cursor', code: 'invalidCursor', message: 'カーソルが正しくありません' }],
  );

/** The key a cursor holds, checked against the list's key shape; undefined for the first page. */
export function decodeCursor<const T extends readonly KeyPart[]>(
  cursor: string | undefined,
  shape: T,
): Decoded<T> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(key) || key.length !== shape.length) throw badCursor();
  if (!key.every((value, index) => checks[shape[index] as KeyPart](value))) throw badCursor();
  return key as Decoded<T>;
}
