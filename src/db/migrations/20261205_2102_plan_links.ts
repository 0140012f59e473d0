import { type Kysely, sql } from 'kysely';

/**
 * `support_plans.item_links`: the links (参加支援, アウトリーチ) of the plan's items, each once, in
 * order; empty when no item links. The statistics count the plans approved in a period and, of their
 * cases, those whose plan links to either; with the links on the plan they read only the period's
 * plans, through `support_plans_approved_idx` (tenant, approval) which carries every column they
 * count, instead of every plan of the municipality joined to its items (at ten times city scale,
 * 40,000 plans and 120,000 items).
 *
 * Kept as the other derived columns (migrations 20261203_0201, 20261205_2101): triggers in the
 * same transaction as every INSERT, UPDATE and DELETE of plan items recompute the plans the write
 * touched from their items (statement-level for inserts and deletes; for an update, a row trigger
 * only where an item's links or plan changed). A backup carries it as data; a restore inserts the
 * items after their plans, and the triggers compute the same values.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE support_plans ADD COLUMN item_links text[] NOT NULL DEFAULT '{}'`.execute(db);

  const links = (plan: string) =>
    `COALESCE((SELECT array_agg(DISTINCT l ORDER BY l) FROM plan_items li, unnest(li.links) AS l
                WHERE li.plan_id = ${plan}), '{}')`;
  // the plans of the items a statement added or removed, each set to its items' links
  const refresh = (changed: string) =>
    sql.raw(`UPDATE support_plans sp SET item_links = k.links
      FROM (SELECT p.plan_id, ${links('p.plan_id')} AS links
              FROM (SELECT DISTINCT plan_id FROM (${changed}) x) p) k
     WHERE sp.id = k.plan_id AND sp.item_links IS DISTINCT FROM k.links;`);
  await sql`CREATE FUNCTION support_plans_item_links_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${refresh('SELECT plan_id FROM added')}
      ELSIF TG_OP = 'DELETE' THEN
        ${refresh('SELECT plan_id FROM removed')}
      ELSE
        ${refresh('SELECT NEW.plan_id UNION ALL SELECT OLD.plan_id')}
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER plan_items_links_insert AFTER INSERT ON plan_items
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION support_plans_item_links_refresh()`.execute(
    db,
  );
  // a row trigger whose WHEN is checked without calling it: the support reports' triggers update an
  // item with every report, which changes neither its links nor its plan
  await sql`CREATE TRIGGER plan_items_links_update AFTER UPDATE OF links, plan_id ON plan_items
    FOR EACH ROW WHEN (OLD.links IS DISTINCT FROM NEW.links OR OLD.plan_id IS DISTINCT FROM NEW.plan_id)
    EXECUTE FUNCTION support_plans_item_links_refresh()`.execute(db);
  await sql`CREATE TRIGGER plan_items_links_delete AFTER DELETE ON plan_items
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION support_plans_item_links_refresh()`.execute(
    db,
  );

  // the items that exist already
  await sql
    .raw(`UPDATE support_plans sp SET item_links = ${links('sp.id')}
     WHERE EXISTS (SELECT 1 FROM plan_items pi WHERE pi.plan_id = sp.id AND pi.links <> '{}')`)
    .execute(db);

  await sql`CREATE INDEX support_plans_approved_idx ON support_plans (tenant_id, approved_at)
    INCLUDE (version, case_id, item_links) WHERE approved_at IS NOT NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
