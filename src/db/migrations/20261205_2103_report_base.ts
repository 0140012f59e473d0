import { type Kysely, sql } from 'kysely';

/**
 * `plan_items.report_base_on`: the day a plan item's next support report is counted from — its
 * last report, else the start of its period, else its plan's approval (src/domain/dueDates.ts) —
 * while the item can be due at all: its plan approved and its case open (not 終結 or 中断); NULL
 * otherwise. The coordinator's 支援報告期限超過 (per organisation) and 事例一覧's filter of the same
 * name read it through a partial index, instead of joining every plan item of the municipality to its
 * plan and case (at ten times city scale, 120,000 items, that join was most of the home's SQL).
 *
 * Kept in the same transaction as every write it derives from:
 * - a BEFORE trigger on plan_items sets it on every insert, and on every update that changes a
 *   column it derives from (last_reported_on, which the support reports' triggers keep, period_from,
 *   plan_id, case_id), from the row and its plan and case;
 * - row triggers on support_plans and cases recompute the items of a plan whose status or approval
 *   changed and of a case that closed, was suspended or reopened (their WHEN conditions are checked
 *   without calling the function).
 * A backup carries it as data; a restore inserts cases, plans and items in that order, and the
 * triggers compute the same values.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE plan_items ADD COLUMN report_base_on date`.execute(db);

  await sql`CREATE FUNCTION plan_item_report_base(item plan_items) RETURNS date LANGUAGE sql STABLE AS $$
    SELECT COALESCE(item.last_reported_on, item.period_from, (sp.approved_at AT TIME ZONE 'Asia/Tokyo')::date)
    FROM support_plans sp JOIN cases c ON c.id = item.case_id
    WHERE sp.id = item.plan_id AND sp.status = 'approved' AND c.stage NOT IN ('closed', 'suspended')
  $$`.execute(db);

  // the rows that exist already, before the triggers (each row computed once)
  await sql`UPDATE plan_items pi SET report_base_on = plan_item_report_base(pi)`.execute(db);

  await sql`CREATE FUNCTION plan_items_report_base_set() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.report_base_on := plan_item_report_base(NEW);
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER plan_items_report_base_insert BEFORE INSERT ON plan_items
    FOR EACH ROW EXECUTE FUNCTION plan_items_report_base_set()`.execute(db);
  const changed = (columns: string[]) =>
    columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');
  await sql
    .raw(`CREATE TRIGGER plan_items_report_base_update
    BEFORE UPDATE OF last_reported_on, period_from, plan_id, case_id, report_base_on ON plan_items
    FOR EACH ROW WHEN (${changed(['last_reported_on', 'period_from', 'plan_id', 'case_id', 'report_base_on'])})
    EXECUTE FUNCTION plan_items_report_base_set()`)
    .execute(db);

  // the items of a plan whose status or approval changed, of a case that closed, was suspended or
  // reopened: row triggers whose WHEN is checked without calling them, so that the many updates of
  // a case or plan that change neither (its updated_at, its last contact) cost nothing here
  await sql`CREATE FUNCTION plan_items_report_base_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_TABLE_NAME = 'support_plans' THEN
        UPDATE plan_items pi SET report_base_on = plan_item_report_base(pi)
         WHERE pi.plan_id = NEW.id AND pi.report_base_on IS DISTINCT FROM plan_item_report_base(pi);
      ELSE
        UPDATE plan_items pi SET report_base_on = plan_item_report_base(pi)
         WHERE pi.case_id = NEW.id AND pi.report_base_on IS DISTINCT FROM plan_item_report_base(pi);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql
    .raw(`CREATE TRIGGER support_plans_report_base AFTER UPDATE OF status, approved_at ON support_plans
    FOR EACH ROW WHEN (${changed(['status', 'approved_at'])})
    EXECUTE FUNCTION plan_items_report_base_refresh()`)
    .execute(db);
  await sql`CREATE TRIGGER cases_report_base AFTER UPDATE OF stage ON cases
    FOR EACH ROW WHEN ((OLD.stage IN ('closed', 'suspended')) IS DISTINCT FROM (NEW.stage IN ('closed', 'suspended')))
    EXECUTE FUNCTION plan_items_report_base_refresh()`.execute(db);

  // the items whose report is due on some day, in the order the home counts them
  await sql`CREATE INDEX plan_items_report_base_idx ON plan_items (tenant_id, report_base_on)
    INCLUDE (organization_id, case_id, period_from, period_to) WHERE report_base_on IS NOT NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
