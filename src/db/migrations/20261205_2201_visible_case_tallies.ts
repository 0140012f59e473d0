import { type Kysely, sql } from 'kysely';

/**
 * The home's case figures that do not change with the day, kept by the writes: `visible_case_tallies`
 * holds, per tenant, organisation, stage and whether the case has an assigned worker, how many cases
 * the organisation takes part in with case scope — the cases it may see (src/db/access.ts). The
 * coordinator's home read every case it may see to count them by stage (at ten times city scale the
 * coordinating section sees 50,000, about 50 ms and three processes a request); it now reads a few
 * tally rows. The date-based figures (モニタリング期限, 記録なし) read the cases through the indexes on
 * their dates made here, which hold the open cases only.
 *
 * Kept in the same transaction as every write that moves a case between keys or changes who may see it:
 * - participations (statement triggers): an (organisation, case) pair is counted once, from its
 *   first case-scope participation to its last, whatever the number of bases in between;
 * - cases (a row trigger, only when the stage or whether someone is assigned changes): the case moves
 *   between keys for every organisation that may see it. A case cannot go before its participations
 *   (they reference it), and their deletion takes it off.
 * Checked against the records by `tests/db/visibleCaseTallies.test.ts`. Derived data: backups leave
 * it out and a restore rebuilds it as it inserts the rows (src/db/backup.ts). Rows whose count fell to
 * zero are kept.
 */

const pairsCounted = `SELECT c.tenant_id, pair.organization_id, c.stage, c.assigned_user_id IS NULL AS unassigned,
    count(*)::int AS n
  FROM pair JOIN cases c ON c.id = pair.case_id
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;

/** Lock the cases of these participations, in id order. */
const lockCases = (rows: string) =>
  `PERFORM 1 FROM cases c WHERE c.id IN (${rows}) ORDER BY c.id FOR NO KEY UPDATE;`;

/** Take off the pairs that lost their last case-scope participation: one was removed, none is left. */
const subtractGone = `WITH pair AS (
    SELECT DISTINCT r.case_id, r.organization_id FROM removed r
    WHERE r.scope = 'case' AND NOT EXISTS (
      SELECT 1 FROM case_participants p
      WHERE p.case_id = r.case_id AND p.organization_id = r.organization_id AND p.scope = 'case'))
  UPDATE visible_case_tallies t SET n = t.n - g.n
  FROM (${pairsCounted}) g
  WHERE t.tenant_id = g.tenant_id AND t.organization_id = g.organization_id AND t.stage = g.stage
    AND t.unassigned = g.unassigned;`;

/**
 * Add the pairs that gained their first case-scope participation: one was added, and before the
 * statement there was none, neither among the rows it did not add nor (for an update) among those it
 * removed.
 */
const addCame = (update: boolean) => `WITH pair AS (
    SELECT DISTINCT a.case_id, a.organization_id FROM added a
    WHERE a.scope = 'case' AND NOT EXISTS (
      SELECT 1 FROM case_participants p
      WHERE p.case_id = a.case_id AND p.organization_id = a.organization_id AND p.scope = 'case'
        AND p.id NOT IN (SELECT id FROM added))${
          update
            ? `
      AND NOT EXISTS (
        SELECT 1 FROM removed r
        WHERE r.case_id = a.case_id AND r.organization_id = a.organization_id AND r.scope = 'case')`
            : ''
        })
  INSERT INTO visible_case_tallies AS t (tenant_id, organization_id, stage, unassigned, n)
  ${pairsCounted}
  ON CONFLICT (tenant_id, organization_id, stage, unassigned) DO UPDATE SET n = t.n + EXCLUDED.n;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE visible_case_tallies (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    organization_id uuid NOT NULL,
    stage text NOT NULL,
    unassigned boolean NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (tenant_id, organization_id, stage, unassigned)
  )`.execute(db);

  // The cases concerned are locked first, as a change of their stage would lock them: a concurrent
  // stage change then either sees these participations or is seen by the counts that follow (each
  // statement of the function reads what has committed by then). Tally rows are locked in key order,
  // so that concurrent writers take them in one order. (A statement of a branch not taken is never
  // planned, so each may name only the transition tables of its own operation.)
  await sql
    .raw(`CREATE FUNCTION visible_case_tallies_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${lockCases('SELECT case_id FROM added')}
          ${addCame(false)}
        ELSIF TG_OP = 'DELETE' THEN
          ${lockCases('SELECT case_id FROM removed')}
          ${subtractGone}
        ELSE
          ${lockCases('SELECT case_id FROM removed UNION SELECT case_id FROM added')}
          ${subtractGone}
          ${addCame(true)}
        END IF;
        RETURN NULL;
      END $$`)
    .execute(db);
  await sql`CREATE TRIGGER visible_case_tallies_insert AFTER INSERT ON case_participants
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION visible_case_tallies_count()`.execute(
    db,
  );
  await sql`CREATE TRIGGER visible_case_tallies_update AFTER UPDATE ON case_participants
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION visible_case_tallies_count()`.execute(
    db,
  );
  await sql`CREATE TRIGGER visible_case_tallies_delete AFTER DELETE ON case_participants
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION visible_case_tallies_count()`.execute(
    db,
  );

  // A case that moves between keys moves for every organisation that may see it.
  await sql`CREATE FUNCTION visible_case_tallies_move() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE visible_case_tallies t SET n = t.n - 1
      WHERE t.tenant_id = OLD.tenant_id AND t.stage = OLD.stage AND t.unassigned = (OLD.assigned_user_id IS NULL)
        AND t.organization_id IN (
          SELECT p.organization_id FROM case_participants p WHERE p.case_id = OLD.id AND p.scope = 'case');
      INSERT INTO visible_case_tallies AS t (tenant_id, organization_id, stage, unassigned, n)
      SELECT DISTINCT NEW.tenant_id, p.organization_id, NEW.stage, NEW.assigned_user_id IS NULL, 1
      FROM case_participants p WHERE p.case_id = NEW.id AND p.scope = 'case'
      ORDER BY 2
      ON CONFLICT (tenant_id, organization_id, stage, unassigned) DO UPDATE SET n = t.n + 1;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER visible_case_tallies_case_update AFTER UPDATE OF stage, assigned_user_id ON cases
    FOR EACH ROW WHEN (OLD.stage IS DISTINCT FROM NEW.stage
      OR (OLD.assigned_user_id IS NULL) IS DISTINCT FROM (NEW.assigned_user_id IS NULL))
    EXECUTE FUNCTION visible_case_tallies_move()`.execute(db);

  await sql
    .raw(`WITH pair AS (SELECT DISTINCT case_id, organization_id FROM case_participants WHERE scope = 'case')
      INSERT INTO visible_case_tallies (tenant_id, organization_id, stage, unassigned, n) ${pairsCounted}`)
    .execute(db);

  // the open cases by their dates, for the home's モニタリング期限 and 記録なし figures
  await sql`CREATE INDEX cases_open_monitoring_idx ON cases (tenant_id, next_monitoring_on)
    WHERE stage NOT IN ('closed', 'suspended')`.execute(db);
  await sql`CREATE INDEX cases_open_contact_idx ON cases (tenant_id, last_contact_at)
    WHERE stage NOT IN ('closed', 'suspended')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
