import { type Kysely, sql } from 'kysely';

/**
 * Monthly tallies of handovers and cases for the city-wide 年度 statistics, as the consultations'
 * (migration 20261203_0102): the whole-city report sums a few rows a month instead of reading every
 * handover and case of the year (at ten times city scale, 50,000 of each and about 33 ms a read).
 *
 * - `handover_tallies`: per tenant, month of creation (Asia/Tokyo), sending organisation, status and
 *   days from creation to decision (NULL while undecided), how many handovers.
 * - `case_tallies`: per tenant, month accepted, month closed (NULL while open) and closure reason,
 *   how many cases; the cases open at a month's end follow (accepted by then, not closed by then).
 *
 * Kept by statement-level triggers in the same transaction as every INSERT, UPDATE and DELETE (an
 * update that moves no row between keys changes nothing), checked against the records by
 * `tests/db/handoverCaseTallies.test.ts`. Derived data: backups leave them out and a restore rebuilds
 * them as it inserts the rows (src/db/backup.ts). Rows whose count fell to zero are kept.
 */

interface Tally {
  table: string;
  source: string;
  /** The key columns, and how each is computed from a row of the source table. */
  keys: [column: string, type: string, expression: string][];
}

const tallies: Tally[] = [
  {
    table: 'handover_tallies',
    source: 'handovers',
    keys: [
      ['tenant_id', 'uuid NOT NULL REFERENCES tenants (id)', 'tenant_id'],
      ['month', 'date NOT NULL', "date_trunc('month', created_at AT TIME ZONE 'Asia/Tokyo')::date"],
      ['organization_id', 'uuid NOT NULL', 'from_organization_id'],
      ['status', 'text NOT NULL', 'status'],
      [
        'days',
        'integer',
        "(decided_at AT TIME ZONE 'Asia/Tokyo')::date - (created_at AT TIME ZONE 'Asia/Tokyo')::date",
      ],
    ],
  },
  {
    table: 'case_tallies',
    source: 'cases',
    keys: [
      ['tenant_id', 'uuid NOT NULL REFERENCES tenants (id)', 'tenant_id'],
      ['accepted_month', 'date NOT NULL', "date_trunc('month', accepted_on::timestamp)::date"],
      ['closed_month', 'date', "date_trunc('month', closed_on::timestamp)::date"],
      ['closure_reason', 'text', 'closure_reason'],
    ],
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const { table, source, keys } of tallies) {
    const columns = keys.map(([column]) => column);
    const list = columns.join(', ');
    const positions = columns.map((_, i) => i + 1).join(', ');
    await sql
      .raw(`CREATE TABLE ${table} (
        ${keys.map(([column, type]) => `${column} ${type}`).join(',\n        ')},
        n integer NOT NULL,
        UNIQUE NULLS NOT DISTINCT (${list})
      )`)
      .execute(db);

    // As for the consultations: the key tuples of the rows that leave are taken off, those that
    // arrive are added, in key order so that concurrent writers lock the tally rows in one order.
    const keysOf = (rows: string) =>
      `SELECT ${keys.map(([column, , expression]) => `${expression} AS ${column}`).join(', ')} FROM ${rows}`;
    const subtract = (rows: string) => `UPDATE ${table} t SET n = t.n - r.n
      FROM (SELECT ${list}, count(*)::int AS n FROM (${rows}) k GROUP BY ${positions}) r
      WHERE ${columns.map((c) => `t.${c} IS NOT DISTINCT FROM r.${c}`).join(' AND ')};`;
    const add = (rows: string) => `INSERT INTO ${table} AS t (${list}, n)
      SELECT ${list}, count(*)::int FROM (${rows}) k GROUP BY ${positions} ORDER BY ${positions}
      ON CONFLICT (${list}) DO UPDATE SET n = t.n + EXCLUDED.n;`;
    await sql
      .raw(`CREATE FUNCTION ${table}_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            ${add(keysOf('added'))}
          ELSIF TG_OP = 'DELETE' THEN
            ${subtract(keysOf('removed'))}
          ELSE
            ${subtract(`${keysOf('removed')} EXCEPT ALL ${keysOf('added')}`)}
            ${add(`${keysOf('added')} EXCEPT ALL ${keysOf('removed')}`)}
          END IF;
          RETURN NULL;
        END $$`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_insert AFTER INSERT ON ${source}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${table}_count()`)
      .execute(db);
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
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
