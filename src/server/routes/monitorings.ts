import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import { type Monitoring, monitoringInputSchema, monitoringSchema } from '../../contract/monitorings.ts';
import { applyMonitoringToCase, insertMonitoring } from '../../db/monitorings.ts';
import { findCurrentPlan, findDraft, planItemsOf } from '../../db/plans.ts';
import type { DB } from '../../db/schema.ts';
import { type CaseEvent, isOpenStage, noFacts, transition } from '../../domain/caseStage.ts';
import { closureReasons, labelOf, monitoringDecisions } from '../../domain/codeLists.ts';
import { happenedAt } from '../../domain/time.ts';
import { recordOnTimeline } from '../caseTimeline.ts';
import { advanceCase } from '../caseTransitions.ts';
import { operations } from '../operation.ts';
import { HttpProblem, invalidFields } from '../problem.ts';
import { requireCoordinating, tokyoToday } from './plans.ts';

const events: Record<Monitoring['decision'], CaseEvent> = {
  continue: 'monitorContinue',
  revise: 'monitorRevise',
  close: 'close',
  suspend: 'suspend',
};

export function monitoringRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['monitorings'] });

  op.post(
    '/api/cases/:id/monitorings',
    {
      operationId: 'monitorings.create',
      access: { permission: 'case.coordinate' },
      audit: ['monitoring.create'],
      summary: 'Record a monitoring of the current plan and its decision (継続・見直し・終結・中断)',
      params: idParamsSchema,
      body: monitoringInputSchema,
      response: { 201: monitoringSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const input = request.body;
      if (input.conductedOn > tokyoToday()) {
        throw invalidFields([
          { field: 'conductedOn', code: 'future', message: '実施日に未来の日付は入力できません' },
        ]);
      }
      const kase = await visibleCase(request.params.id, { forUpdate: true });
      requireCoordinating(actor, kase);
      const plan = await findCurrentPlan(tx, actor.tenantId, kase.id);
      if (!plan) {
        throw new HttpProblem(
          409,
          'plan.noApprovedPlan',
          'この事例には決定済みの支援プランがないため、モニタリングできません。',
        );
      }
      const items = await planItemsOf(tx, actor.tenantId, [plan.id]);
      const itemIds = new Set(items.map((item) => item.id));
      const unknown = input.itemResults.flatMap((result, index) =>
        itemIds.has(result.planItemId)
          ? []
          : [
              {
                field: `itemResults.${index}.planItemId`,
                code: 'notInPlan',
                message: `現在の支援プラン（第${plan.version}版）の支援内容ではありません`,
              },
            ],
      );
      if (unknown.length > 0) throw invalidFields(unknown);
      const assessed = new Set(input.itemResults.map((result) => result.planItemId));
      const missing = items.filter((item) => !assessed.has(item.id));
      if (missing.length > 0) {
        throw invalidFields([
          {
            field: 'itemResults',
            code: 'missingItems',
            message: `次の支援内容の達成状況が入力されていません：${missing
              .map((item) => `${item.position}. ${item.content}（${item.organization_name}）`)
              .join('、')}`,
          },
        ]);
      }

      const event = events[input.decision];
      const facts = {
        hasReason:
          input.decision === 'close'
            ? Boolean(input.closure?.reason)
            : input.decision === 'suspend'
              ? Boolean(input.suspensionReason)
              : false,
        hasEvaluation: Boolean(input.closure?.evaluation),
      };
      // Refuse before writing anything, with the state machine's own code and message.
      const check = transition(kase.stage, event, { ...noFacts, ...facts });
      if (!check.ok) throw new HttpProblem(409, check.code, check.reason);

      const created = await insertMonitoring(tx, {
        tenantId: actor.tenantId,
        caseId: kase.id,
        planId: plan.id,
        recordedBy: actor.userId,
        input,
      });
      const decisionLabel = labelOf(monitoringDecisions, input.decision);
      const summaryTail =
        input.decision === 'continue'
          ? `次回 ${input.nextMonitoringOn}`
          : input.decision === 'close'
            ? `終結理由：${labelOf(closureReasons, input.closure?.reason ?? '')}`
            : input.decision === 'suspend'
              ? `中断理由：${input.suspensionReason}`
              : `支援プラン第${plan.version}版を見直し`;
      await recordOnTimeline(tx, actor, kase.id, {
        kind: 'monitored',
        subjectId: created.id,
        summary: `モニタリングを実施（判断：${decisionLabel}）${summaryTail}`,
        details: {
          monitoringId: created.id,
          planId: plan.id,
          version: plan.version,
          decision: input.decision,
          conductedOn: input.conductedOn,
        },
        occurredAt: happenedAt(input.conductedOn, created.createdAt),
      });
      const stage = await advanceCase(tx, actor, kase, event, facts);
      await applyMonitoringToCase(tx, { tenantId: actor.tenantId, caseId: kase.id, input });
      const draft = await findDraft(tx, actor.tenantId, kase.id);
      await audit({
        action: 'monitoring.create',
        resourceType: 'monitoring',
        resourceId: created.id,
        personId: kase.primary_person_id,
        caseId: kase.id,
        details: {
          planId: plan.id,
          decision: input.decision,
          stage: { from: kase.stage, to: stage },
          itemIds: items.map((item) => item.id),
        },
      });
      const result: Monitoring = {
        id: created.id,
        caseId: kase.id,
        caseStage: stage,
        planId: plan.id,
        planVersion: plan.version,
        conductedOn: input.conductedOn,
        itemResults: items.map((item) => {
          const given = input.itemResults.find((r) => r.planItemId === item.id);
          return {
            planItemId: item.id,
            content: item.content,
            organizationName: item.organization_name,
            progress: given?.progress ?? 'notAchieved',
            note: given?.note || null,
          };
        }),
        decision: input.decision,
        note: input.note || null,
        nextMonitoringOn: input.decision === 'continue' ? (input.nextMonitoringOn ?? null) : null,
        closure: input.decision === 'close' && input.closure ? input.closure : null,
        suspensionReason: input.decision === 'suspend' ? (input.suspensionReason ?? null) : null,
        recordedBy: { id: actor.userId, displayName: actor.displayName },
        createdAt: created.createdAt.toISOString(),
        abilities: { draftPlan: isOpenStage(stage) && !draft },
      };
      return result;
    },
  );
}
