import { type Kysely, sql } from 'kysely';

/**
 * The latest 課題整理 of each case, kept on the case: `cases.assessed_household_flags` and
 * `cases.assessed_issues` hold the household flags (世帯の状況) and issues of the case's assessment
 * of the highest version, NULL while the case has none. The statistics' household patterns and
 * issue areas and 事例一覧's filters by them read these two columns instead of finding the latest
 * version among the case's assessments per case (at ten times city scale, 50,000 cases and 55,000
 * assessments, that lookup was the largest statement of statistics.get).
 *
 * Kept as `last_contact_at` is (migration 20261203_0201): statement-level triggers in the same
 * transaction as every INSERT, UPDATE and DELETE of assessments recompute the cases the statement
 * touched from their rows, so a delete, an update that moves a version or a rolled-back write is as
 * exact as an insert. A backup carries them as data; a restore inserts the assessments after the
 * cases, and the triggers recompute the same values.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cases ADD COLUMN assessed_household_flags text[], ADD COLUMN assessed_issues text[]`.execute(
    db,
  );

  // the cases of the assessments a statement added or removed, each set to its latest version's
  const refresh = (changed: string) =>
    sql.raw(`UPDATE cases c SET assessed_household_flags = l.household_flags, assessed_issues = l.issues
      FROM (SELECT k.case_id, la.household_flags, la.issues
              FROM (SELECT DISTINCT case_id FROM (${changed}) x) k
              LEFT JOIN LATERAL (SELECT a.household_flags, a.issues FROM assessments a
                                  WHERE a.case_id = k.case_id ORDER BY a.version DESC LIMIT 1) la ON true) l
     WHERE c.id = l.case_id
       AND (c.assessed_household_flags IS DISTINCT FROM l.household_flags OR c.assessed_issues IS DISTINCT FROM l.issues);`);
  await sql`CREATE FUNCTION cases_latest_assessment_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${refresh('SELECT case_id FROM added')}
      ELSIF TG_OP = 'DELETE' THEN
        ${refresh('SELECT case_id FROM removed')}
      ELSE
        ${refresh('SELECT case_id FROM added UNION ALL SELECT case_id FROM removed')}
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER assessments_derived_insert AFTER INSERT ON assessments
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION cases_latest_assessment_refresh()`.execute(
    db,
  );
  await sql`CREATE TRIGGER assessments_derived_update AFTER UPDATE ON assessments
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION cases_latest_assessment_refresh()`.execute(
    db,
  );
  await sql`CREATE TRIGGER assessments_derived_delete AFTER DELETE ON assessments
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION cases_latest_assessment_refresh()`.execute(
    db,
  );

  // the assessments that exist already
  await sql`UPDATE cases c SET assessed_household_flags = l.household_flags, assessed_issues = l.issues
    FROM (SELECT DISTINCT ON (case_id) case_id, household_flags, issues FROM assessments
           ORDER BY case_id, version DESC) l
   WHERE c.id = l.case_id`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
