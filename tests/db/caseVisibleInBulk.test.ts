import { type Kysely, type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseVisible, caseVisibleInBulk, type Viewer } from '../../src/db/access.ts';
import type { Database } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import { asRequestRole, freshDatabase, insertCopies } from '../support/testDatabase.ts';

/**
 * caseVisibleInBulk (src/db/access.ts): for every organisation it selects exactly the cases
 * caseVisible selects, as the request role under row-level security; an organisation that takes part
 * in every case of its tenant skips the participation check (the check's scan is never executed),
 * and stops skipping it as soon as a case it takes no part in exists.
 */

let database: Database;
let db: Kysely<DB>;
let tenantId: string;

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  // the tenant of the seeded casework
  tenantId = (await db.selectFrom('cases').select('tenant_id').orderBy('id').executeTakeFirstOrThrow())
    .tenant_id;
});
afterAll(() => database?.close());

const viewerOf = (organizationId: string): Viewer => ({ tenantId, organizationId });

const visibleIds = (viewer: Viewer, predicate: (viewer: Viewer, caseId: string) => RawBuilder<boolean>) =>
  asRequestRole(db, tenantId, async (tx) => {
    const { rows } = await sql<{ id: string }>`SELECT c.id FROM cases c
      WHERE c.tenant_id = ${tenantId} AND ${predicate(viewer, 'c.id')} ORDER BY c.id`.execute(tx);
    return rows.map((r) => r.id);
  });

/** Whether the count's plan ran any scan of case_participants (EXPLAIN ANALYZE, as the request role). */
const participationsScanned = (viewer: Viewer) =>
  asRequestRole(db, tenantId, async (tx) => {
    const { rows } = await sql<{ 'QUERY PLAN': unknown }>`EXPLAIN (ANALYZE, FORMAT JSON)
      SELECT count(*) FROM cases c WHERE c.tenant_id = ${tenantId} AND ${caseVisibleInBulk(viewer, 'c.id')}`.execute(
      tx,
    );
    const raw = rows[0]?.['QUERY PLAN'];
    const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }];
    return nodes(plan.Plan).some(
      (node) => node['Relation Name'] === 'case_participants' && (node['Actual Loops'] ?? 0) > 0,
    );
  });

interface PlanNode {
  'Relation Name'?: string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

const organizations = async () =>
  (
    await db
      .selectFrom('organizations')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .orderBy('id')
      .execute()
  ).map((o) => o.id);

/** Every organisation sees the same cases through both predicates; the organisations that see them all. */
async function expectSameCases(): Promise<string[]> {
  const { n: all } = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const everything: string[] = [];
  for (const organizationId of await organizations()) {
    const viewer = viewerOf(organizationId);
    const bulk = await visibleIds(viewer, caseVisibleInBulk);
    expect(bulk, organizationId).toEqual(await visibleIds(viewer, caseVisible));
    if (bulk.length === Number(all)) everything.push(organizationId);
  }
  return everything;
}

describe('caseVisibleInBulk', () => {
  it('selects what caseVisible selects, and skips the check for an organisation in every case', async () => {
    const everything = await expectSameCases();
    // the coordinating section takes part in every seeded case; some organisation in fewer
    expect(everything.length).toBeGreaterThan(0);
    expect(everything.length).toBeLessThan((await organizations()).length);
    const [coordinating] = everything;
    if (!coordinating) throw new Error('no organisation takes part in every case');
    expect(await participationsScanned(viewerOf(coordinating))).toBe(false);
    const other = (await organizations()).find((id) => !everything.includes(id));
    if (!other) throw new Error('every organisation takes part in every case');
    expect(await participationsScanned(viewerOf(other))).toBe(true);
  });

  it('checks again once a case the organisation takes no part in exists, and skips once it takes part', async () => {
    const [coordinating] = await expectSameCases();
    if (!coordinating) throw new Error('no organisation takes part in every case');
    const coordinator = viewerOf(coordinating);
    // a new case of another organisation's alone: the coordinating section may not see it
    const [seeded] = await sql<{
      id: string;
    }>`SELECT id FROM cases WHERE tenant_id = ${tenantId} ORDER BY id LIMIT 1`
      .execute(db)
      .then((r) => r.rows);
    if (!seeded) throw new Error('the seeded tenant has no case');
    const [added] = await insertCopies(
      db,
      'cases',
      1,
      { case_number: sql`case_number || '-' || substr(gen_random_uuid()::text, 1, 8)` },
      sql<boolean>`id = ${seeded.id}`,
    );
    if (!added) throw new Error('the case was not copied');
    const [participation] = await insertCopies(
      db,
      'case_participants',
      1,
      { case_id: sql.lit(added) },
      sql<boolean>`case_id = ${seeded.id} AND scope = 'case' AND organization_id <> ${coordinating}`,
    );
    if (!participation) throw new Error('the seeded case has no other organisation');
    expect(await expectSameCases()).not.toContain(coordinating);
    expect(await visibleIds(coordinator, caseVisibleInBulk)).not.toContain(added);
    expect(await participationsScanned(coordinator)).toBe(true);

    // the coordinating section joins it: every case again, the check skipped again
    const [joined] = await insertCopies(
      db,
      'case_participants',
      1,
      { case_id: sql.lit(added) },
      sql<boolean>`case_id = ${seeded.id} AND scope = 'case' AND organization_id = ${coordinating}`,
    );
    expect(await expectSameCases()).toContain(coordinating);
    expect(await visibleIds(coordinator, caseVisibleInBulk)).toContain(added);
    expect(await participationsScanned(coordinator)).toBe(false);

    // and leaves it
    await sql`DELETE FROM case_participants WHERE id = ${joined}`.execute(db);
    expect(await expectSameCases()).not.toContain(coordinating);
    expect(await visibleIds(coordinator, caseVisibleInBulk)).not.toContain(added);
  });
});
