import { type Kysely, sql } from 'kysely';

/**
 * A tally kept by the writes: per key tuple of a source table's rows, how many rows have it, in a
 * table of its own kept by triggers in the same transaction as every INSERT, UPDATE and DELETE of
 * the source (an update that moves no row between keys changes nothing), as the consultations' are
 * (migration 20261203_0102). The handovers' and cases' (20261205_2001) and the cases' latest 課題整理
 * (20261206_1101) are made here. Rows whose count fell to zero are kept.
 */
export interface Tally {
  table: string;
  source: string;
  /** The key columns, and how each is computed from a row of the source table. */
  keys: [column: string, type: string, expression: string][];
  /**
   * The source columns the keys are computed from. When given, an update is counted by a row trigger
   * that PostgreSQL calls only for a row where one of them changed ({@link countMovesByRow}), instead of
   * a statement trigger every update of the source calls.
   */
  movedBy?: readonly string[];
}

/** A tenant's cases by the month they were accepted and the month they were closed (NULL while open). */
export const caseMonths: Tally['keys'] = [
  ['tenant_id', 'uuid NOT NULL REFERENCES tenants (id)', 'tenant_id'],
  ['accepted_month', 'date NOT NULL', "date_trunc('month', accepted_on::timestamp)::date"],
  ['closed_month', 'date', "date_trunc('month', closed_on::timestamp)::date"],
];

/** The cases by month accepted, month closed and closure reason (case_tallies, migration 20261205_2001). */
export const caseTally: Tally = {
  table: 'case_tallies',
  source: 'cases',
  keys: [...caseMonths, ['closure_reason', 'text', 'closure_reason']],
};

/** A tally's key columns as SQL: their list, their positions, and their expressions named by them. */
function keyText(keys: Tally['keys']) {
  const columns = keys.map(([column]) => column);
  return {
    columns,
    list: columns.join(', '),
    positions: columns.map((_, i) => i + 1).join(', '),
    computed: keys.map(([column, , expression]) => `${expression} AS ${column}`).join(', '),
  };
}

/** Create the tally's table and triggers, and count the source's rows as they are. */
export async function createTally(db: Kysely<unknown>, tally: Tally): Promise<void> {
  const { table, source, keys, movedBy } = tally;
  const { columns, list, positions, computed } = keyText(keys);
  await sql
    .raw(`CREATE TABLE ${table} (
        ${keys.map(([column, type]) => `${column} ${type}`).join(',\n        ')},
        n integer NOT NULL,
        UNIQUE NULLS NOT DISTINCT (${list})
      )`)
    .execute(db);

  // As for the consultations: the key tuples of the rows that leave are taken off, those that
  // arrive are added, in key order so that concurrent writers lock the tally rows in one order.
  const keysOf = (rows: string) => `SELECT ${computed} FROM ${rows}`;
  const subtract = (rows: string) => `UPDATE ${table} t SET n = t.n - r.n
      FROM (SELECT ${list}, count(*)::int AS n FROM (${rows}) k GROUP BY ${positions}) r
      WHERE ${columns.map((c) => `t.${c} IS NOT DISTINCT FROM r.${c}`).join(' AND ')};`;
  const add = (rows: string) => `INSERT INTO ${table} AS t (${list}, n)
      SELECT ${list}, count(*)::int FROM (${rows}) k GROUP BY ${positions} ORDER BY ${positions}
      ON CONFLICT (${list}) DO UPDATE SET n = t.n + EXCLUDED.n;`;
  // an update's keys that leave and arrive, unless a row trigger counts updates (countMovesByRow)
  const updated = movedBy
    ? ''
    : `ELSE
            ${subtract(`${keysOf('removed')} EXCEPT ALL ${keysOf('added')}`)}
            ${add(`${keysOf('added')} EXCEPT ALL ${keysOf('removed')}`)}
          `;
  await sql
    .raw(`CREATE FUNCTION ${table}_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            ${add(keysOf('added'))}
          ELSIF TG_OP = 'DELETE' THEN
            ${subtract(keysOf('removed'))}
          ${updated}END IF;
          RETURN NULL;
        END $$`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${table}_insert AFTER INSERT ON ${source}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${table}_count()`)
    .execute(db);
  if (movedBy) await countMovesByRow(db, tally, movedBy);
  else
    await sql
      .raw(`CREATE TRIGGER ${table}_update AFTER UPDATE ON ${source}
        REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${table}_count()`)
      .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${table}_delete AFTER DELETE ON ${source}
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ${table}_count()`)
    .execute(db);
  await sql.raw(add(keysOf(source))).execute(db);
}

/**
 * Count the updates of a tally's source by a row trigger whose condition, checked by PostgreSQL
 * without calling the function, is that one of `movedBy` (the columns the keys are computed from)
 * changed: an update of anything else costs nothing. The row's old key loses one and its new key
 * gains one, in one statement that writes the two tally rows in key order.
 */
export async function countMovesByRow(
  db: Kysely<unknown>,
  { table, source, keys }: Tally,
  movedBy: readonly string[],
): Promise<void> {
  const { list, positions, computed } = keyText(keys);
  const keysOf = (row: 'OLD' | 'NEW', d: number) => `SELECT ${computed}, ${d} AS d
      FROM (SELECT ${row}.*) r`;
  await sql
    .raw(`CREATE FUNCTION ${table}_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ${table} AS t (${list}, n)
        SELECT ${list}, sum(d)::int FROM (${keysOf('OLD', -1)} UNION ALL ${keysOf('NEW', 1)}) k
        GROUP BY ${positions} HAVING sum(d) <> 0 ORDER BY ${positions}
        ON CONFLICT (${list}) DO UPDATE SET n = t.n + EXCLUDED.n;
        RETURN NULL;
      END $$`)
    .execute(db);
  const of = (row: 'OLD' | 'NEW') => `ROW(${movedBy.map((column) => `${row}.${column}`).join(', ')})`;
  await sql
    .raw(`CREATE TRIGGER ${table}_move AFTER UPDATE ON ${source}
      FOR EACH ROW WHEN (${of('OLD')} IS DISTINCT FROM ${of('NEW')}) EXECUTE FUNCTION ${table}_move()`)
    .execute(db);
}
