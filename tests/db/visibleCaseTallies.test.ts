import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { derivedDataFile, itSurvivesRollbackAndRestore, tenantOfFirst } from '../support/derivedData.ts';
import { asRequestRole, insertCopies } from '../support/testDatabase.ts';

/**
 * `visible_case_tallies` (migration 20261205_2201): per organisation, the cases it takes part in with
 * case scope — those it may see — by stage and whether a worker is assigned, which the coordinator's
 * home reads instead of the cases. After every kind of write it derives from — participations added
 * for a new pair or on another basis of a pair already counted, of meeting scope, moved between
 * scopes, organisations and cases, deleted one by one; cases moved between stages, assigned and
 * unassigned; updates of nothing it reads, a rolled-back write, writes of the request role under
 * row-level security, a backup and restore — it holds exactly what the records give.
 */

const file = derivedDataFile(
  [
    {
      name: 'visible_case_tallies',
      kept: sql`SELECT tenant_id::text, organization_id::text, stage, unassigned, n
      FROM visible_case_tallies WHERE n <> 0 ORDER BY 1, 2, 3, 4`,
      derived: sql`SELECT c.tenant_id::text, p.organization_id::text, c.stage, c.assigned_user_id IS NULL AS unassigned,
        count(DISTINCT c.id)::int AS n
      FROM case_participants p JOIN cases c ON c.id = p.case_id WHERE p.scope = 'case'
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    },
  ],
  // the tenant of the seeded casework
  tenantOfFirst('cases'),
);

interface Pair {
  id: string;
  case_id: string;
  organization_id: string;
}

/** The tenant's case-scope participations, oldest id first. */
const participations = async (limit: number) =>
  (
    await sql<Pair>`SELECT id, case_id, organization_id FROM case_participants
      WHERE tenant_id = ${file.tenantId} AND scope = 'case' ORDER BY id LIMIT ${limit}`.execute(file.db)
  ).rows;

/** An organisation of the tenant that takes no part in the case. */
const outsider = async (caseId: string) =>
  (
    await sql<{ id: string }>`SELECT o.id FROM organizations o WHERE o.tenant_id = ${file.tenantId}
      AND NOT EXISTS (SELECT 1 FROM case_participants p WHERE p.case_id = ${caseId} AND p.organization_id = o.id)
      ORDER BY o.id LIMIT 1`.execute(file.db)
  ).rows[0]?.id;

const count = async (organizationId: string) =>
  (
    await sql<{ n: number }>`SELECT coalesce(sum(n), 0)::int AS n FROM visible_case_tallies
      WHERE organization_id = ${organizationId}`.execute(file.db)
  ).rows[0]?.n;

describe('visible_case_tallies', () => {
  it('holds the seeded participations', async () => {
    expect((await file.snapshot())[0]?.length).toBeGreaterThan(0);
    await file.expectKeptMatchDerived();
  });

  it('counts a pair once: another basis of a counted pair and a meeting-scope row change nothing', async () => {
    const [seeded] = await participations(1);
    if (!seeded) throw new Error('the seeded tenant has no participations');
    const newcomer = await outsider(seeded.case_id);
    if (!newcomer) throw new Error('every organisation takes part in the case');
    const before = await file.snapshot();
    // a new pair of one participation: counted
    const [first] = await insertCopies(
      file.db,
      'case_participants',
      1,
      { organization_id: sql.lit(newcomer), basis: sql`'invited'` },
      sql<boolean>`id = ${seeded.id}`,
    );
    await file.expectKeptMatchDerived();
    const counted = await file.snapshot();
    expect(counted).not.toEqual(before);
    // another basis of the pair, and a meeting-scope row of another organisation: nothing changes
    const [again] = await insertCopies(
      file.db,
      'case_participants',
      1,
      { basis: sql`'planItem'` },
      sql<boolean>`id = ${first}`,
    );
    const [meeting] = await insertCopies(
      file.db,
      'case_participants',
      1,
      { organization_id: sql.lit(await outsider(seeded.case_id)), scope: sql`'meeting'` },
      sql<boolean>`id = ${first}`,
    );
    expect(await file.snapshot()).toEqual(counted);
    // the first of the pair's two rows goes: still counted; the meeting-scope row goes: nothing to take off
    await sql`DELETE FROM case_participants WHERE id = ANY(${[first, meeting]}::uuid[])`.execute(file.db);
    expect(await file.snapshot()).toEqual(counted);
    // the last goes: no longer counted
    await sql`DELETE FROM case_participants WHERE id = ${again}`.execute(file.db);
    expect(await file.snapshot()).toEqual(before);
    await file.expectKeptMatchDerived();
  });

  it('follows participations added, moved between scopes, organisations and cases, and deleted', async () => {
    const pairs = await participations(4);
    const [a, b, c] = pairs;
    if (!a || !b || !c) throw new Error('the seeded tenant has too few participations');
    const newcomer = await outsider(a.case_id);
    if (!newcomer) throw new Error('every organisation takes part in the case');
    const before = await count(newcomer);
    // a new pair, and bulk copies (pairs already counted)
    const [added] = await insertCopies(
      file.db,
      'case_participants',
      1,
      { organization_id: sql.lit(newcomer), basis: sql`'invited'` },
      sql<boolean>`id = ${a.id}`,
    );
    expect(await count(newcomer)).toBe((before ?? 0) + 1);
    const copies = await insertCopies(
      file.db,
      'case_participants',
      6,
      {},
      sql<boolean>`scope = 'case' AND organization_id <> ${newcomer}`,
    );
    await file.expectKeptMatchDerived();

    await sql`UPDATE case_participants SET scope = 'meeting' WHERE id = ${added}`.execute(file.db);
    expect(await count(newcomer)).toBe(before);
    await sql`UPDATE case_participants SET scope = 'case' WHERE id = ${added}`.execute(file.db);
    await file.expectKeptMatchDerived();
    await sql`UPDATE case_participants SET organization_id = ${b.organization_id} WHERE id = ${added}`.execute(
      file.db,
    );
    await file.expectKeptMatchDerived();
    await sql`UPDATE case_participants SET case_id = ${c.case_id} WHERE id = ANY(${[added, ...copies.slice(0, 2)]}::uuid[])`.execute(
      file.db,
    );
    await file.expectKeptMatchDerived();

    const unchanged = await file.snapshot();
    await sql`UPDATE case_participants SET basis = basis, legal_basis = legal_basis WHERE scope = 'case'`.execute(
      file.db,
    );
    expect(await file.snapshot()).toEqual(unchanged);

    await sql`DELETE FROM case_participants WHERE id = ANY(${[added, ...copies]}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
  });

  it('follows the cases: stages, a worker assigned, another, none, and an update of nothing it reads', async () => {
    // the seeded case and two copies of it, with copies of its participations
    const [seeded] = await sql<{ id: string }>`SELECT id FROM cases WHERE tenant_id = ${file.tenantId}
      ORDER BY id LIMIT 1`
      .execute(file.db)
      .then((r) => r.rows);
    if (!seeded) throw new Error('the seeded tenant has no case');
    const copies = await insertCopies(
      file.db,
      'cases',
      2,
      { case_number: sql`case_number || '-' || substr(gen_random_uuid()::text, 1, 8)` },
      sql<boolean>`id = ${seeded.id}`,
    );
    const ids = [seeded.id, ...copies];
    for (const id of copies)
      await insertCopies(
        file.db,
        'case_participants',
        100,
        { case_id: sql.lit(id) },
        sql<boolean>`case_id = ${seeded.id}`,
      );
    await file.expectKeptMatchDerived();
    const { rows: cases } = await sql<{ id: string; stage: string; assigned_user_id: string | null }>`
      SELECT id, stage, assigned_user_id FROM cases WHERE id = ANY(${ids}::uuid[])`.execute(file.db);
    const { rows: users } = await sql<{ id: string }>`SELECT id FROM users WHERE tenant_id = ${file.tenantId}
      ORDER BY id LIMIT 2`.execute(file.db);
    const [one, two] = users;
    if (!one || !two) throw new Error('the seeded tenant has too few users');

    await sql`UPDATE cases SET stage = 'closed' WHERE id = ${ids[0]}`.execute(file.db);
    await sql`UPDATE cases SET stage = 'suspended' WHERE id = ANY(${ids.slice(1)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
    await sql`UPDATE cases SET assigned_user_id = ${one.id} WHERE id = ANY(${ids}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
    const assigned = await file.snapshot();
    await sql`UPDATE cases SET assigned_user_id = ${two.id}, updated_at = now() WHERE id = ANY(${ids}::uuid[])`.execute(
      file.db,
    );
    expect(await file.snapshot()).toEqual(assigned);
    await sql`UPDATE cases SET assigned_user_id = NULL WHERE id = ${ids[0]}`.execute(file.db);
    await file.expectKeptMatchDerived();

    for (const kase of cases)
      await sql`UPDATE cases SET stage = ${kase.stage}, assigned_user_id = ${kase.assigned_user_id}
        WHERE id = ${kase.id}`.execute(file.db);
    await file.expectKeptMatchDerived();
  });

  it('is kept by writes of the request role under row-level security', async () => {
    await asRequestRole(file.db, file.tenantId, async (tx) => {
      const [pair] = await insertCopies(
        tx,
        'case_participants',
        2,
        { basis: sql`'invited'` },
        sql<boolean>`tenant_id = ${file.tenantId} AND scope = 'case'`,
      );
      await sql`UPDATE case_participants SET scope = 'meeting' WHERE id = ${pair}`.execute(tx);
      await sql`UPDATE cases SET stage = 'watching'
        WHERE id = (SELECT case_id FROM case_participants WHERE id = ${pair})`.execute(tx);
      await sql`DELETE FROM case_participants WHERE id = ${pair}`.execute(tx);
    });
    await file.expectKeptMatchDerived();
  });

  itSurvivesRollbackAndRestore(
    file,
    async (tx) => {
      await insertCopies(tx, 'case_participants', 3, { basis: sql`'invited'` });
      await sql`UPDATE cases SET stage = 'closed'`.execute(tx);
    },
    ['visible_case_tallies'],
  );
});
