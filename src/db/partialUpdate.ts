/**
 * A partial update sets only the fields the caller gave: a field left undefined keeps its stored
 * value (null is a value, and is set).
 */

/** The columns of a partial update, without those left undefined. */
export function givenColumns<T extends Record<string, unknown>>(
  columns: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** A given field as its column stores it; a field left undefined stays undefined (not updated). */
export const ifGiven = <T, R>(value: T | undefined, toColumn: (value: T) => R): R | undefined =>
  value === undefined ? undefined : toColumn(value);
