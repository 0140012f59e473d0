import { type Kysely, sql } from 'kysely';

/**
 * Monthly tallies of consultations for the city-wide 年度 statistics (issue 10): per tenant, month
 * of receipt, 受付機関, 相談経路, 主な相談内容 and list of 相談内容, how many consultations there are.
 * The whole-city report sums a dozen rows a month instead of reading every consultation of the year.
 *
 * The tallies are kept by statement-level triggers on `consultations`, in the same transaction as
 * every INSERT, UPDATE and DELETE (a bulk insert adds its rows' counts once, by transition table),
 * so they are never behind the records; `tests/db/consultationTallies.test.ts` checks them against
 * the records after each kind of write. They are derived data: backups leave them out and a
 * restore rebuilds them as it inserts the consultations (src/db/backup.ts). Rows whose count fell
 * to zero are kept (readers skip them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE consultation_tallies (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    month date NOT NULL,
    organization_id uuid NOT NULL,
    channel text NOT NULL,
    main_topic text NOT NULL,
    topics text[] NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (tenant_id, month, organization_id, channel, main_topic, topics)
  )`.execute(db);

  // One function for the three triggers: the key tuples of the rows that leave (DELETE's rows; an
  // UPDATE's old rows less its new ones, so an update that moves no row between keys changes and
  // locks nothing) are taken off, those that arrive are added, in key order so that concurrent
  // writers lock the tally rows in the same order.
  const keysOf = (table: string) =>
    `SELECT tenant_id, date_trunc('month', received_on::timestamp)::date AS month, organization_id, channel,
      main_topic, topics FROM ${table}`;
  const subtract = (rows: string) =>
    sql.raw(`UPDATE consultation_tallies t SET n = t.n - r.n
      FROM (SELECT tenant_id, month, organization_id, channel, main_topic, topics, count(*)::int AS n
            FROM (${rows}) k GROUP BY 1, 2, 3, 4, 5, 6) r
     WHERE t.tenant_id = r.tenant_id AND t.month = r.month AND t.organization_id = r.organization_id
       AND t.channel = r.channel AND t.main_topic = r.main_topic AND t.topics = r.topics;`);
  const add = (rows: string) =>
    sql.raw(`INSERT INTO consultation_tallies AS t (tenant_id, month, organization_id, channel, main_topic, topics, n)
    SELECT tenant_id, month, organization_id, channel, main_topic, topics, count(*)::int
      FROM (${rows}) k GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (tenant_id, month, organization_id, channel, main_topic, topics) DO UPDATE SET n = t.n + EXCLUDED.n;`);
  await sql`CREATE FUNCTION consultation_tallies_count() RETURNS trigger LANGUAGE plpgsql AS $$
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
    END $$`.execute(db);
  await sql`CREATE TRIGGER consultation_tallies_insert AFTER INSERT ON consultations
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION consultation_tallies_count()`.execute(
    db,
  );
  await sql`CREATE TRIGGER consultation_tallies_update AFTER UPDATE ON consultations
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION consultation_tallies_count()`.execute(
    db,
  );
  await sql`CREATE TRIGGER consultation_tallies_delete AFTER DELETE ON consultations
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION consultation_tallies_count()`.execute(
    db,
  );

  await sql`${add(keysOf('consultations'))}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
