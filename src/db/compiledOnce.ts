import type { Compilable, CompiledQuery } from 'kysely';
import type { Executor } from './executor.ts';

/**
 * A statement whose shape never changes, built and compiled by Kysely once per process and then only
 * given new values. Building and compiling is most of Kysely's share of a request's CPU
 * (docs/performance.md, *Statements compiled once*); the statements every request runs (the session
 * lookup, the audit event) pay it once instead of on every request.
 *
 * `valueNames` names every value of `Values` (the type checker holds it to all of them, so a value
 * added to the type cannot be left out of the statement). `build` receives the first executor it is
 * called with (both our dialects compile PostgreSQL's SQL) and a stand-in for each named value and must use each of them as a value of the query
 * (where Kysely makes it a parameter, never inside raw SQL text); compiling checks that every one
 * became a parameter. Values written into the query directly are kept as they were compiled.
 */
export function compiledOnce<Values extends Record<string, unknown>, Row>(
  valueNames: { readonly [Name in keyof Values]-?: true },
  build: (db: Executor, values: Values) => Compilable<Row>,
): (db: Executor, values: Values) => Promise<Row[]> {
  const names = Object.keys(valueNames) as (keyof Values & string)[];
  type Slot = keyof Values | { constant: unknown };
  let compiled: { query: CompiledQuery<Row>; slots: Slot[] } | undefined;

  function compile(db: Executor) {
    const standIns = new Map<object, keyof Values>();
    const values: Record<string, unknown> = {};
    for (const name of names) {
      const standIn = Object.freeze({ standInFor: name });
      standIns.set(standIn, name);
      values[name] = standIn;
    }
    const query = build(db, values as Values).compile();
    const slots = query.parameters.map(
      (value): Slot =>
        typeof value === 'object' && value !== null && standIns.has(value)
          ? (standIns.get(value) as keyof Values)
          : { constant: value },
    );
    const missing = names.filter((name) => !slots.includes(name));
    if (missing.length > 0)
      throw new Error(`compiledOnce: not parameters of the query: ${missing.join(', ')}`);
    return { query, slots };
  }

  return async (db, values) => {
    compiled ??= compile(db);
    const parameters = compiled.slots.map((slot) =>
      typeof slot === 'object' ? slot.constant : values[slot],
    );
    const result = await db.executeQuery<Row>({ ...compiled.query, parameters });
    return result.rows;
  };
}
