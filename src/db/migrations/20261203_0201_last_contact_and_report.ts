import { type Kysely, sql } from 'kysely';

/**
 * Two dates the coordinator's home filters every open case and plan item by (issue 10), kept on
 * the rows themselves instead of looked up in the timeline and the reports per row:
 *
 * - `cases.last_contact_at`: the latest timeline entry (case_events) of a contact kind, the entries
 *   「N日以上記録なし」 looks at (`contactEventKinds` in src/domain/caseSearch.ts; the kinds are
 *   written out below, and tests/db/lastContactAndReport.test.ts fails if the two lists differ);
 * - `plan_items.last_reported_on`: the latest `supported_on` of the item's support reports, from
 *   which its next report is due (src/domain/dueDates.ts).
 *
 * Both are kept by statement-level triggers in the same transaction as every INSERT, UPDATE and
 * DELETE of the rows they derive from (as the consultation tallies of migration 20261203_0102):
 * the cases or items a statement touched get their date recomputed from their rows, so a delete or
 * an update that moves an entry is as exact as an insert, and a rolled-back write leaves nothing.
 * NULL when there is no such entry or report. A backup carries them as data; a restore inserts
 * the rows they derive from after them, and the triggers recompute the same values.
 */
export const contactKinds = [
  'caseAccepted',
  'reopened',
  'meetingHeld',
  'supportReported',
  'progressNoted',
  'monitored',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const kinds = sql.join(contactKinds.map((kind) => sql.lit(kind)));
  await sql`ALTER TABLE cases ADD COLUMN last_contact_at timestamptz`.execute(db);
  await sql`ALTER TABLE plan_items ADD COLUMN last_reported_on date`.execute(db);

  // The cases of the contact entries a statement added or removed, each set to its latest entry.
  const refreshCases = (changed: string) =>
    sql`UPDATE cases c SET last_contact_at = l.latest
      FROM (SELECT k.case_id, (SELECT max(ce.occurred_at) FROM case_events ce
                                WHERE ce.case_id = k.case_id AND ce.kind IN (${kinds})) AS latest
              FROM (SELECT DISTINCT case_id FROM (${sql.raw(changed)}) x WHERE kind IN (${kinds})) k) l
     WHERE c.id = l.case_id AND c.last_contact_at IS DISTINCT FROM l.latest;`;
  await sql`CREATE FUNCTION cases_last_contact_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${refreshCases('SELECT case_id, kind FROM added')}
      ELSIF TG_OP = 'DELETE' THEN
        ${refreshCases('SELECT case_id, kind FROM removed')}
      ELSE
        ${refreshCases('SELECT case_id, kind FROM added UNION ALL SELECT case_id, kind FROM removed')}
      END IF;
      RETURN NULL;
    END $$`.execute(db);

  // The plan items of the reports a statement added or removed, each set to its latest report.
  const refreshItems = (changed: string) =>
    sql.raw(`UPDATE plan_items pi SET last_reported_on = l.latest
      FROM (SELECT k.plan_item_id, (SELECT max(sr.supported_on) FROM support_reports sr
                                     WHERE sr.plan_item_id = k.plan_item_id) AS latest
              FROM (SELECT DISTINCT plan_item_id FROM (${changed}) x) k) l
     WHERE pi.id = l.plan_item_id AND pi.last_reported_on IS DISTINCT FROM l.latest;`);
  await sql`CREATE FUNCTION plan_items_last_report_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${refreshItems('SELECT plan_item_id FROM added')}
      ELSIF TG_OP = 'DELETE' THEN
        ${refreshItems('SELECT plan_item_id FROM removed')}
      ELSE
        ${refreshItems('SELECT plan_item_id FROM added UNION ALL SELECT plan_item_id FROM removed')}
      END IF;
      RETURN NULL;
    END $$`.execute(db);

  for (const [table, fn] of [
    ['case_events', 'cases_last_contact_refresh'],
    ['support_reports', 'plan_items_last_report_refresh'],
  ] as const) {
    await sql
      .raw(`CREATE TRIGGER ${table}_derived_insert AFTER INSERT ON ${table}
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_derived_update AFTER UPDATE ON ${table}
      REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_derived_delete AFTER DELETE ON ${table}
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`)
      .execute(db);
  }

  // the rows that exist already
  await sql`UPDATE cases c SET last_contact_at = l.latest
    FROM (SELECT case_id, max(occurred_at) AS latest FROM case_events WHERE kind IN (${kinds}) GROUP BY case_id) l
   WHERE c.id = l.case_id`.execute(db);
  await sql`UPDATE plan_items pi SET last_reported_on = l.latest
    FROM (SELECT plan_item_id, max(supported_on) AS latest FROM support_reports GROUP BY plan_item_id) l
   WHERE pi.id = l.plan_item_id`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
