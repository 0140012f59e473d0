import type { Transaction } from 'kysely';
import { now } from '../domain/clock.ts';
import type { DiagramRelation } from '../domain/household/model.ts';
import type { Viewer } from './access.ts';
import type { Executor } from './executor.ts';
import { insertNewRows } from './newRow.ts';
import {
  eldestFirst,
  householdMembersWithPerson,
  householdVisible,
  type PersonSummaryRow,
  personSummaryColumns,
} from './persons.ts';
import type { DB, HouseholdRelationKind, TieStrength } from './schema.ts';

export interface HouseholdMemberRow extends PersonSummaryRow {
  deceased: boolean;
  died_on: string | null;
  relation: string;
  living_together: boolean;
  supported: boolean;
}

export interface HouseholdTieRow {
  id: string;
  kind: string;
  organization_id: string | null;
  organization_name: string | null;
  name: string | null;
  person_id: string | null;
  strength: TieStrength;
  stressful: boolean;
  note: string | null;
}

export interface HouseholdRecord {
  id: string;
  members: HouseholdMemberRow[];
  relations: DiagramRelation[];
  ties: HouseholdTieRow[];
}

/**
 * A household's members (the supported first, then eldest first), kinship edges and ecomap ties.
 * The caller has checked that the viewer may see the household (through its case or consultation).
 */
export async function loadHousehold(
  db: Executor,
  tenantId: string,
  householdId: string,
): Promise<HouseholdRecord> {
  const members = await householdMembersWithPerson(db)
    .select([
      ...personSummaryColumns,
      'p.deceased',
      'p.died_on',
      'hm.relation',
      'hm.living_together',
      'hm.supported',
    ])
    .where('hm.tenant_id', '=', tenantId)
    .where('hm.household_id', '=', householdId)
    .orderBy('hm.supported', 'desc')
    .orderBy(eldestFirst)
    .orderBy('p.id')
    .execute();
  const relations = await db
    .selectFrom('household_relations')
    .select(['person_id', 'related_person_id', 'kind'])
    .where('tenant_id', '=', tenantId)
    .where('household_id', '=', householdId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const ties = await db
    .selectFrom('household_ties as t')
    .leftJoin('organizations as o', 'o.id', 't.organization_id')
    .select([
      't.id',
      't.kind',
      't.organization_id',
      'o.name as organization_name',
      't.name',
      't.person_id',
      't.strength',
      't.stressful',
      't.note',
    ])
    .where('t.tenant_id', '=', tenantId)
    .where('t.household_id', '=', householdId)
    .orderBy('t.position')
    .execute();
  return {
    id: householdId,
    members,
    relations: relations.map((r) => ({ from: r.person_id, to: r.related_person_id, kind: r.kind })),
    ties,
  };
}

/** Organisations taking part in a case with case scope (drawn on the ecomap), in the order they joined. */
export async function participatingOrganizations(
  db: Executor,
  tenantId: string,
  caseId: string,
): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('case_participants as cp')
    .innerJoin('organizations as o', 'o.id', 'cp.organization_id')
    .select(['o.id', 'o.name', (eb) => eb.fn.min('cp.created_at').as('joined')])
    .where('cp.tenant_id', '=', tenantId)
    .where('cp.case_id', '=', caseId)
    .where('cp.scope', '=', 'case')
    .groupBy(['o.id', 'o.name'])
    .orderBy('joined')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

export interface MemberFacts {
  personId: string;
  relation: string;
  livingTogether: boolean;
  supported: boolean;
  deceased: boolean;
  diedOn: string | null;
}

/** Add members to a household (a person already in it keeps their row). */
export async function addHouseholdMembers(
  tx: Transaction<DB>,
  tenantId: string,
  householdId: string,
  members: readonly Omit<MemberFacts, 'deceased' | 'diedOn'>[],
): Promise<void> {
  if (members.length === 0) return;
  await insertNewRows(
    tx,
    'household_members',
    members.map((m) => ({
      tenant_id: tenantId,
      household_id: householdId,
      person_id: m.personId,
      relation: m.relation,
      living_together: m.livingTogether,
      supported: m.supported,
    })),
  )
    .onConflict((oc) => oc.columns(['household_id', 'person_id']).doNothing())
    .execute();
}

/** Set a member's facts: 続柄, 同居, supported in the household; death on the person. */
export async function updateMemberFacts(
  tx: Transaction<DB>,
  tenantId: string,
  householdId: string,
  member: MemberFacts,
): Promise<void> {
  await tx
    .updateTable('household_members')
    .set({ relation: member.relation, living_together: member.livingTogether, supported: member.supported })
    .where('tenant_id', '=', tenantId)
    .where('household_id', '=', householdId)
    .where('person_id', '=', member.personId)
    .execute();
  await tx
    .updateTable('persons')
    .set({ deceased: member.deceased, died_on: member.diedOn, updated_at: now() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', member.personId)
    .execute();
}

/** Add kinship edges (an edge already recorded is kept as it is). */
export async function addRelations(
  tx: Transaction<DB>,
  tenantId: string,
  householdId: string,
  relations: readonly DiagramRelation[],
): Promise<void> {
  if (relations.length === 0) return;
  await insertNewRows(
    tx,
    'household_relations',
    relations.map((r) => ({
      tenant_id: tenantId,
      household_id: householdId,
      person_id: r.from,
      related_person_id: r.to,
      kind: r.kind as HouseholdRelationKind,
    })),
  )
    .onConflict((oc) => oc.columns(['household_id', 'person_id', 'related_person_id', 'kind']).doNothing())
    .execute();
}

/** Replace every kinship edge of a household. */
export async function replaceRelations(
  tx: Transaction<DB>,
  tenantId: string,
  householdId: string,
  relations: readonly DiagramRelation[],
): Promise<void> {
  await tx
    .deleteFrom('household_relations')
    .where('tenant_id', '=', tenantId)
    .where('household_id', '=', householdId)
    .execute();
  await addRelations(tx, tenantId, householdId, relations);
}

export interface NewTie {
  kind: string;
  organizationId: string | null;
  name: string | null;
  memberId: string | null;
  strength: TieStrength;
  stressful: boolean;
  note: string | null;
}

/** Replace every ecomap tie of a household, in the order given. */
export async function replaceTies(
  tx: Transaction<DB>,
  tenantId: string,
  householdId: string,
  ties: readonly NewTie[],
): Promise<void> {
  await tx
    .deleteFrom('household_ties')
    .where('tenant_id', '=', tenantId)
    .where('household_id', '=', householdId)
    .execute();
  if (ties.length === 0) return;
  await insertNewRows(
    tx,
    'household_ties',
    ties.map((t, position) => ({
      tenant_id: tenantId,
      household_id: householdId,
      position,
      kind: t.kind,
      organization_id: t.organizationId,
      name: t.name,
      person_id: t.memberId,
      strength: t.strength,
      stressful: t.stressful,
      note: t.note,
    })),
  ).execute();
}

/**
 * The household a new consultation about this person joins: the newest one the viewer may see
 * in which the person is the one supported (続柄 本人). A consultation about someone already known
 * adds to that household instead of starting an empty one, so the relations, deaths and ties
 * recorded on it are kept.
 */
export async function householdOfPersonFor(
  db: Executor,
  viewer: Viewer,
  personId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('household_members as hm')
    .innerJoin('households as h', 'h.id', 'hm.household_id')
    .select('hm.household_id')
    .where('hm.tenant_id', '=', viewer.tenantId)
    .where('hm.person_id', '=', personId)
    .where('hm.relation', '=', 'self')
    .where(householdVisible(viewer, 'hm.household_id'))
    .orderBy('h.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.household_id;
}
