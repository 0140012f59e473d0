import { sql, type Transaction } from 'kysely';
import type { Placement } from '../contract/placements.ts';
import type { PlacementEvent, PlacementStage } from '../domain/resources/placement.ts';
import { caseVisible, type Viewer } from './access.ts';
import type { Executor } from './executor.ts';
import { insertNewRow } from './newRow.ts';
import type { DB } from './schema.ts';

export interface NewPlacement {
  tenantId: string;
  caseId: string;
  personId: string;
  resourceId: string;
  planItemId: string | null;
  organizationId: string;
  kind: string;
  note: string | null;
  createdBy: string;
}

/**
 * Whether what a new placement names belongs where it must: the person to the case's persons, the
 * resource to the tenant's directory, the plan item (when one is named) to the case's plans.
 */
export async function placementReferencesKnown(
  tx: Transaction<DB>,
  kase: { id: string; tenant_id: string },
  names: { personId: string; resourceId: string; planItemId?: string | null | undefined },
): Promise<{ person: boolean; resource: boolean; planItem: boolean }> {
  const planItem = names.planItemId
    ? sql<boolean>`EXISTS (SELECT 1 FROM plan_items WHERE case_id = ${kase.id} AND id = ${names.planItemId})`
    : sql<boolean>`true`;
  const { rows } = await sql<{ person: boolean; resource: boolean; plan_item: boolean }>`
    SELECT EXISTS (SELECT 1 FROM case_persons WHERE case_id = ${kase.id} AND person_id = ${names.personId}) AS person,
           EXISTS (SELECT 1 FROM resources WHERE tenant_id = ${kase.tenant_id} AND id = ${names.resourceId}) AS resource,
           ${planItem} AS plan_item`.execute(tx);
  const row = rows[0];
  if (!row) throw new Error('placementReferencesKnown: no row');
  return { person: row.person, resource: row.resource, planItem: row.plan_item };
}

export async function insertPlacement(tx: Transaction<DB>, p: NewPlacement): Promise<string> {
  return insertNewRow(tx, 'placements', {
    tenant_id: p.tenantId,
    case_id: p.caseId,
    person_id: p.personId,
    resource_id: p.resourceId,
    plan_item_id: p.planItemId,
    organization_id: p.organizationId,
    kind: p.kind,
    stage: 'arranging',
    note: p.note,
    created_by: p.createdBy,
  });
}

export async function recordPlacementEvent(
  tx: Transaction<DB>,
  input: {
    tenantId: string;
    placementId: string;
    event: PlacementEvent & { occurredOn: string; note: string | null };
    stage: PlacementStage;
    organizationId: string;
    recordedBy: string;
  },
): Promise<string> {
  const { event } = input;
  const id = await insertNewRow(tx, 'placement_events', {
    tenant_id: input.tenantId,
    placement_id: input.placementId,
    kind: event.kind,
    occurred_on: event.occurredOn,
    party: event.kind === 'followUp' ? (event.party ?? null) : null,
    end_reason: event.kind === 'end' ? (event.endReason ?? null) : null,
    note: event.note,
    organization_id: input.organizationId,
    recorded_by: input.recordedBy,
  });
  await tx
    .updateTable('placements')
    .set({
      stage: input.stage,
      ...(event.kind === 'start' ? { started_on: event.occurredOn } : {}),
      ...(event.kind === 'end' ? { ended_on: event.occurredOn, end_reason: event.endReason ?? null } : {}),
    })
    .where('id', '=', input.placementId)
    .execute();
  return id;
}

/** Placements the viewer may see (those of cases it takes part in), with their events, newest first. */
export async function listPlacements(
  db: Executor,
  viewer: Viewer,
  filter: {
    caseId?: string | undefined;
    stage?: string | undefined;
    resourceId?: string | undefined;
    id?: string;
    forUpdate?: boolean;
  },
): Promise<Placement[]> {
  let query = db
    .selectFrom('placements as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('persons as pe', 'pe.id', 'p.person_id')
    .innerJoin('resources as r', 'r.id', 'p.resource_id')
    .innerJoin('resource_organizations as ro', 'ro.id', 'r.resource_organization_id')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .leftJoin('plan_items as pi', 'pi.id', 'p.plan_item_id')
    .select([
      'p.id',
      'p.case_id',
      'c.case_number',
      'p.person_id',
      sql<string>`concat_ws(' ', pe.family_name, pe.given_name)`.as('person_name'),
      'p.resource_id',
      'r.name as resource_name',
      'ro.name as resource_organization_name',
      'p.plan_item_id',
      'pi.content as plan_item_content',
      'p.kind',
      'p.stage',
      'p.note',
      'p.started_on',
      'p.ended_on',
      'p.end_reason',
      'p.organization_id',
      'o.name as organization_name',
      'p.created_at',
    ])
    .where('p.tenant_id', '=', viewer.tenantId)
    .where(caseVisible(viewer, 'p.case_id'));
  if (filter.caseId) query = query.where('p.case_id', '=', filter.caseId);
  if (filter.stage) query = query.where('p.stage', '=', filter.stage);
  if (filter.resourceId) query = query.where('p.resource_id', '=', filter.resourceId);
  if (filter.id) query = query.where('p.id', '=', filter.id);
  if (filter.forUpdate) query = query.forUpdate(['p']);
  const rows = await query.orderBy('p.created_at', 'desc').orderBy('p.id').limit(500).execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('placement_events as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .select([
      'e.id',
      'e.placement_id',
      'e.kind',
      'e.occurred_on',
      'e.party',
      'e.end_reason',
      'e.note',
      'e.organization_id',
      'o.name',
    ])
    .where(
      'e.placement_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('e.occurred_on')
    .orderBy('e.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    person: { id: r.person_id, name: r.person_name },
    resource: { id: r.resource_id, name: r.resource_name, organizationName: r.resource_organization_name },
    planItem: r.plan_item_id ? { id: r.plan_item_id, content: r.plan_item_content ?? '' } : null,
    kind: r.kind as Placement['kind'],
    stage: r.stage as Placement['stage'],
    note: r.note,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    endReason: r.end_reason as Placement['endReason'],
    organization: { id: r.organization_id, name: r.organization_name },
    events: events
      .filter((e) => e.placement_id === r.id)
      .map((e) => ({
        id: e.id,
        kind: e.kind as Placement['events'][number]['kind'],
        occurredOn: e.occurred_on,
        party: e.party as Placement['events'][number]['party'],
        endReason: e.end_reason as Placement['events'][number]['endReason'],
        note: e.note,
        organization: { id: e.organization_id, name: e.name },
      })),
  }));
}
