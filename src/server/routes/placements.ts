import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import {
  type Placement,
  placementInputSchema,
  placementListQuerySchema,
  placementListSchema,
  placementSchema,
  placementUpdateSchema,
} from '../../contract/placements.ts';
import {
  insertPlacement,
  listPlacements,
  placementReferencesKnown,
  recordPlacementEvent,
} from '../../db/placements.ts';
import type { DB } from '../../db/schema.ts';
import { applyPlacementEvent, type PlacementStage } from '../../domain/resources/placement.ts';
import type { Actor } from '../actor.ts';
import { operations } from '../operation.ts';
import { conflict, invalidField, orNotFound } from '../problem.ts';

/** One placement as the caller sees it; 404 unless its case is one their organisation takes part in. */
async function visiblePlacement(
  tx: Transaction<DB>,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Placement> {
  const [placement] = await listPlacements(tx, actor, { id, ...options });
  return orNotFound(placement);
}

/**
 * 参加支援 (docs/resources.md): an organisation taking part in a case places one of its persons with a
 * resource of the directory, optionally for a plan item, and records the steps (見学, 体験, 利用開始,
 * follow-ups of the person and the host, 終了 with its reason). Placements are case data: seen and
 * changed only by the organisations taking part in the case (404 for everyone else), every read audited.
 */
export function placementRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['placements'] });

  op.post(
    '/api/cases/:id/placements',
    {
      operationId: 'placements.create',
      access: { permission: 'placement.manage' },
      audit: ['placement.create'],
      summary:
        'Place a person of a case with a resource of the directory (参加支援), optionally for a plan item',
      params: idParamsSchema,
      body: placementInputSchema,
      response: { 201: placementSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const input = request.body;
      const kase = await visibleCase(request.params.id, { forUpdate: true });
      if (kase.stage === 'closed')
        throw conflict(
          'conflict.state',
          '終結した事例には参加支援を登録できません。再開してから登録してください。',
        );
      const known = await placementReferencesKnown(tx, kase, input);
      if (!known.person)
        throw invalidField('personId', 'unknown', 'この事例の世帯員から本人を選んでください');
      if (!known.resource) throw invalidField('resourceId', 'unknown', '指定された社会資源が見つかりません');
      if (!known.planItem)
        throw invalidField('planItemId', 'unknown', 'この事例の支援プランの項目を選んでください');
      const id = await insertPlacement(tx, {
        tenantId: actor.tenantId,
        caseId: kase.id,
        personId: input.personId,
        resourceId: input.resourceId,
        planItemId: input.planItemId,
        organizationId: actor.organizationId,
        kind: input.kind,
        note: input.note,
        createdBy: actor.userId,
      });
      await audit({
        action: 'placement.create',
        resourceType: 'placement',
        resourceId: id,
        caseId: kase.id,
        personId: input.personId,
        details: { resourceId: input.resourceId, kind: input.kind, planItemId: input.planItemId },
      });
      return visiblePlacement(tx, actor, id);
    },
  );

  op.patch(
    '/api/placements/:id',
    {
      operationId: 'placements.update',
      access: { permission: 'placement.manage' },
      audit: ['placement.update'],
      summary:
        'Record a step of a placement: 見学, 体験, 利用開始 (初日), a follow-up, or its end with a reason',
      params: idParamsSchema,
      body: placementUpdateSchema,
      response: { 200: placementSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { event } = request.body;
      const placement = await visiblePlacement(tx, actor, request.params.id, { forUpdate: true });
      const next = applyPlacementEvent(placement.stage as PlacementStage, event);
      if (!next.ok) {
        if (event.kind === 'followUp' && !event.party)
          throw invalidField('event.party', 'unknown', next.reason);
        if (event.kind === 'end' && !event.endReason)
          throw invalidField('event.endReason', 'unknown', next.reason);
        throw conflict('conflict.state', next.reason);
      }
      const eventId = await recordPlacementEvent(tx, {
        tenantId: actor.tenantId,
        placementId: placement.id,
        event,
        stage: next.stage,
        organizationId: actor.organizationId,
        recordedBy: actor.userId,
      });
      await audit({
        action: 'placement.update',
        resourceType: 'placement',
        resourceId: placement.id,
        caseId: placement.caseId,
        personId: placement.person.id,
        details: { eventId, kind: event.kind, occurredOn: event.occurredOn, stage: next.stage },
      });
      return visiblePlacement(tx, actor, placement.id);
    },
  );

  op.get(
    '/api/placements',
    {
      operationId: 'placements.list',
      access: { permission: 'case.read' },
      audit: ['placement.list'],
      summary:
        'Placements of the cases I take part in (the coordinating section: across its cases), or of one case',
      querystring: placementListQuerySchema,
      response: { 200: placementListSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      if (request.query.caseId) await visibleCase(request.query.caseId);
      const items = await listPlacements(tx, actor, request.query);
      await audit({
        action: 'placement.list',
        resourceType: 'placement',
        caseId: request.query.caseId ?? null,
        details: { ids: items.map((p) => p.id), personIds: [...new Set(items.map((p) => p.person.id))] },
      });
      return { items };
    },
  );
}
