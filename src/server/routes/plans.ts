import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import { pageQuerySchema } from '../../contract/pagination.ts';
import {
  type MyPlanItem,
  myPlanItemListSchema,
  type Plan,
  type PlanComparison,
  type PlanInput,
  type PlanItem,
  planApproveSchema,
  planCompareQuerySchema,
  planComparisonSchema,
  planFieldNames,
  planInputSchema,
  planItemFieldNames,
  planListSchema,
  planSchema,
} from '../../contract/plans.ts';
import type { AuditEventInput } from '../../db/auditTrail.ts';
import { type CaseRow, findVisibleCase, organizationNames } from '../../db/cases.ts';
import { activeConsentCovering, consentCoverage, organizationsWithoutConsent } from '../../db/consents.ts';
import { addParticipant } from '../../db/participants.ts';
import {
  approvePlan,
  findCaseMeeting,
  findDraft,
  findPlan,
  hasAssessment,
  inactiveOrganizations,
  insertDraft,
  linksOf,
  listMyPlanItems,
  listPlans,
  loadPlanDetails,
  type MyPlanItemRow,
  type PlanDetails,
  type PlanItemRow,
  type PlanRecord,
  planItemsOf,
  reportScheduleOf,
  unknownProgrammes,
  unknownResources,
  updateDraft,
} from '../../db/plans.ts';
import type { DB } from '../../db/schema.ts';
import { isOpenStage, noFacts, transition } from '../../domain/caseStage.ts';
import { now, today } from '../../domain/clock.ts';
import { reportStatus } from '../../domain/dueDates.ts';
import { coordinatesCase } from '../../domain/policy/cases.ts';
import { mayDraftPlan, mayReportOnPlanItems, planAbilities } from '../../domain/policy/plans.ts';
import type { Actor } from '../actor.ts';
import { recordOnTimeline } from '../caseTimeline.ts';
import { advanceCase } from '../caseTransitions.ts';
import { operations } from '../operation.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { forbidden, HttpProblem, invalidFields, notFound, orNotFound } from '../problem.ts';

/** Today's calendar date in Japan. */
export function tokyoToday(): string {
  return today();
}

/** 403 unless the actor coordinates the (visible) case (src/domain/policy/cases.ts). */
export function requireCoordinating(actor: Actor, kase: { coordinating_organization_id: string }): void {
  if (!coordinatesCase(actor, kase)) throw forbidden();
}

export function presentPlanItem(row: PlanItemRow): PlanItem {
  return {
    id: row.id,
    position: row.position,
    content: row.content,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    frequency: row.frequency,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    links: linksOf(row),
    programme: row.programme_id ? { id: row.programme_id, name: row.programme_name ?? '' } : null,
    resource: row.resource_id ? { id: row.resource_id, name: row.resource_name ?? '' } : null,
  };
}

export function presentPlan(plan: PlanRecord, details: PlanDetails | undefined, actor: Actor): Plan {
  return {
    id: plan.id,
    caseId: plan.case_id,
    caseNumber: plan.case_number,
    caseStage: plan.case_stage,
    version: plan.version,
    status: plan.status,
    wishes: plan.wishes,
    longTermGoal: plan.long_term_goal,
    shortTermGoals: plan.short_term_goals,
    nextMonitoringOn: plan.next_monitoring_on,
    items: (details?.items ?? []).map(presentPlanItem),
    decidedMeeting: details?.meeting
      ? {
          id: details.meeting.id,
          title: details.meeting.title,
          kindName: details.meeting.kind_name,
          legalBasis: details.meeting.legal_basis,
          heldAt: details.meeting.held_at?.toISOString() ?? null,
        }
      : null,
    approvedAt: plan.approved_at?.toISOString() ?? null,
    approvedBy: details?.approver ?? null,
    createdAt: plan.created_at.toISOString(),
    createdBy: details?.creator ?? { id: plan.created_by, displayName: '' },
    abilities: planAbilities(actor, plan),
  };
}

/**
 * Refuse item organisations that are unknown to the tenant or disabled, and programmes that are not
 * the tenant's: 400 naming each item's field.
 */
async function checkItemOrganizations(
  db: Kysely<DB> | Transaction<DB>,
  tenantId: string,
  input: PlanInput,
): Promise<void> {
  const inactive = await inactiveOrganizations(
    db,
    tenantId,
    input.items.map((item) => item.organizationId),
  );
  const unknown = await unknownProgrammes(
    db,
    tenantId,
    input.items.flatMap((item) => (item.programmeId ? [item.programmeId] : [])),
  );
  const unknownResource = await unknownResources(
    db,
    tenantId,
    input.items.flatMap((item) => (item.resourceId ? [item.resourceId] : [])),
  );
  if (inactive.size === 0 && unknown.size === 0 && unknownResource.size === 0) return;
  const errors = input.items.flatMap((item, index) => {
    const problem = (field: string, code: string, message: string) => [
      { field: `items.${index}.${field}`, code, message },
    ];
    return [
      ...(inactive.has(item.organizationId)
        ? problem('organizationId', 'inactiveOrganization', '担当機関は有効な機関から選んでください')
        : []),
      ...(item.programmeId && unknown.has(item.programmeId)
        ? problem('programmeId', 'unknownProgramme', '取組は再犯防止推進計画の取組一覧から選んでください')
        : []),
      ...(item.resourceId && unknownResource.has(item.resourceId)
        ? problem('resourceId', 'unknownResource', '社会資源は社会資源の一覧から選んでください')
        : []),
    ];
  });
  throw invalidFields(errors);
}

/** The plan as the caller sees it, presented (after a write in the same transaction). */
async function presentedPlan(tx: Transaction<DB>, actor: Actor, planId: string): Promise<Plan> {
  const record = (await findPlan(tx, actor, planId)) as PlanRecord;
  const details = await loadPlanDetails(tx, actor.tenantId, [record]);
  return presentPlan(record, details.get(record.id), actor);
}

/** A plan the caller may change: visible, its case locked (one change at a time) and coordinated by the caller. */
async function planToChange(tx: Transaction<DB>, actor: Actor, planId: string) {
  const found = orNotFound(await findPlan(tx, actor, planId));
  const kase = (await findVisibleCase(tx, actor, found.case_id, { forUpdate: true })) as CaseRow;
  requireCoordinating(actor, kase);
  // read again under the case's lock
  const plan = (await findPlan(tx, actor, found.id)) as PlanRecord;
  return { kase, plan };
}

/** The audit event of a draft written (created or edited). */
function draftEvent(
  action: 'plan.create' | 'plan.update',
  plan: { id: string; version: number },
  kase: CaseRow,
  input: PlanInput,
): AuditEventInput {
  return {
    action,
    resourceType: 'supportPlan',
    resourceId: plan.id,
    personId: kase.primary_person_id,
    caseId: kase.id,
    details: {
      version: plan.version,
      organizations: [...new Set(input.items.map((item) => item.organizationId))],
      items: input.items.length,
    },
  };
}

function refuseUnlessOpen(kase: CaseRow): void {
  if (!isOpenStage(kase.stage)) {
    throw new HttpProblem(
      409,
      'case.notOpen',
      '終結または中断した事例では支援プランを作成・変更できません。再開してから操作してください。',
    );
  }
}

/** Side by side: fields changed and items added, removed, changed (matching rule in the contract). */
export function comparePlans(
  older: PlanRecord,
  olderItems: PlanItem[],
  newer: PlanRecord,
  newerItems: PlanItem[],
): Omit<PlanComparison, 'abilities'> {
  const fieldValue = (plan: PlanRecord, field: (typeof planFieldNames)[number]) =>
    ({
      wishes: plan.wishes,
      longTermGoal: plan.long_term_goal,
      shortTermGoals: plan.short_term_goals,
      nextMonitoringOn: plan.next_monitoring_on,
    })[field];
  const fields = planFieldNames
    .filter((field) => fieldValue(older, field) !== fieldValue(newer, field))
    .map((field) => ({ field, before: fieldValue(older, field), after: fieldValue(newer, field) }));

  const unmatchedOld = new Set(olderItems);
  const pairs: { before: PlanItem; after: PlanItem; matchedBy: 'contentAndOrganization' | 'position' }[] = [];
  const unmatchedNew: PlanItem[] = [];
  for (const item of newerItems) {
    const same = [...unmatchedOld].find(
      (o) => o.content === item.content && o.organizationId === item.organizationId,
    );
    if (same) {
      unmatchedOld.delete(same);
      pairs.push({ before: same, after: item, matchedBy: 'contentAndOrganization' });
    } else unmatchedNew.push(item);
  }
  const added: PlanItem[] = [];
  for (const item of unmatchedNew) {
    const samePlace = [...unmatchedOld].find((o) => o.position === item.position);
    if (samePlace) {
      unmatchedOld.delete(samePlace);
      pairs.push({ before: samePlace, after: item, matchedBy: 'position' });
    } else added.push(item);
  }
  const itemValue = (item: PlanItem, field: (typeof planItemFieldNames)[number]) =>
    field === 'links'
      ? [...item.links].sort().join(',')
      : field === 'programme'
        ? (item.programme?.id ?? '')
        : field === 'resource'
          ? (item.resource?.id ?? '')
          : (item[field] ?? '');
  const changed: PlanComparison['items']['changed'] = [];
  const unchanged: PlanItem[] = [];
  for (const pair of pairs.sort((a, b) => a.after.position - b.after.position)) {
    const differing = planItemFieldNames.filter(
      (field) => itemValue(pair.before, field) !== itemValue(pair.after, field),
    );
    if (differing.length === 0) unchanged.push(pair.after);
    else changed.push({ ...pair, fields: differing });
  }
  const ref = (plan: PlanRecord) => ({ id: plan.id, version: plan.version, status: plan.status });
  return {
    older: ref(older),
    newer: ref(newer),
    fields,
    items: { added, removed: [...unmatchedOld], changed, unchanged },
  };
}

function presentMyPlanItem(row: MyPlanItemRow, today: string, actor: Actor): MyPlanItem {
  const { due, needed } = reportStatus(reportScheduleOf(row, today), today);
  return {
    ...presentPlanItem(row),
    planId: row.plan_id,
    planVersion: row.plan_version,
    caseId: row.case_id,
    caseNumber: row.case_number,
    personName: `${row.family_name} ${row.given_name}`,
    lastReportedOn: row.last_reported_on,
    reportNominalDueOn: due.nominalOn,
    reportDueOn: due.dueOn,
    reportDue: needed,
    abilities: { report: mayReportOnPlanItems(actor) },
  };
}

export function planRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['plans'] });

  op.post(
    '/api/cases/:id/plans',
    {
      operationId: 'plans.create',
      access: { permission: 'case.coordinate' },
      audit: ['plan.create'],
      summary: 'Draft the next version of a case’s support plan (支援プラン案)',
      params: idParamsSchema,
      body: planInputSchema,
      response: { 201: planSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const input = request.body;
      const kase = await visibleCase(request.params.id, { forUpdate: true });
      if (!mayDraftPlan(actor, kase)) throw forbidden();
      refuseUnlessOpen(kase);
      const draft = await findDraft(tx, actor.tenantId, kase.id);
      if (draft) {
        throw new HttpProblem(
          409,
          'plan.draftExists',
          `この事例には作成中の支援プラン（第${draft.version}版の案）があります。その案を編集してください。`,
        );
      }
      await checkItemOrganizations(tx, actor.tenantId, input);
      const created = await insertDraft(tx, {
        tenantId: actor.tenantId,
        caseId: kase.id,
        createdBy: actor.userId,
        input,
      });
      await recordOnTimeline(tx, actor, kase.id, {
        kind: 'planDrafted',
        subjectId: created.id,
        summary: `支援プラン第${created.version}版の案を作成`,
        details: { planId: created.id, version: created.version, items: input.items.length },
      });
      await audit(draftEvent('plan.create', created, kase, input));
      return presentedPlan(tx, actor, created.id);
    },
  );

  op.put(
    '/api/plans/:id',
    {
      operationId: 'plans.update',
      access: { permission: 'case.coordinate' },
      audit: ['plan.update'],
      summary: 'Edit a plan draft (fields and items are replaced)',
      params: idParamsSchema,
      body: planInputSchema,
      response: { 200: planSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const { kase, plan: current } = await planToChange(tx, actor, request.params.id);
      if (current.status !== 'draft') {
        throw new HttpProblem(
          409,
          'plan.notDraft',
          `支援プラン第${current.version}版は決定済みのため編集できません。見直す場合は新しい版を作成してください。`,
        );
      }
      refuseUnlessOpen(kase);
      await checkItemOrganizations(tx, actor.tenantId, input);
      await updateDraft(tx, { tenantId: actor.tenantId, caseId: kase.id, planId: current.id, input });
      await audit(draftEvent('plan.update', current, kase, input));
      return presentedPlan(tx, actor, current.id);
    },
  );

  op.post(
    '/api/plans/:id/approve',
    {
      operationId: 'plans.approve',
      access: { permission: 'case.coordinate' },
      audit: ['plan.approve'],
      summary: 'Approve a draft as decided by a 重層的支援会議 (支援決定・プラン決定)',
      params: idParamsSchema,
      body: planApproveSchema,
      response: { 200: planSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { kase, plan } = await planToChange(tx, actor, request.params.id);
      if (plan.status !== 'draft') {
        throw new HttpProblem(409, 'plan.notDraft', `支援プラン第${plan.version}版はすでに決定済みです。`);
      }
      const meeting = await findCaseMeeting(tx, actor.tenantId, kase.id, request.body.meetingId);
      if (!meeting) {
        throw invalidFields([
          { field: 'meetingId', code: 'unknownMeeting', message: 'この事例の会議を指定してください' },
        ]);
      }
      const items = await planItemsOf(tx, actor.tenantId, [plan.id]);
      const organizationIds = [...new Set(items.map((item) => item.organization_id))];
      const consentQuery = {
        tenantId: actor.tenantId,
        personId: kase.primary_person_id,
        caseId: kase.id,
        organizationIds,
        onDate: tokyoToday(),
      };
      const facts = {
        hasAssessment: await hasAssessment(tx, actor.tenantId, kase.id),
        hasConsent: await activeConsentCovering(tx, consentQuery),
        decidedByConsentMeeting: meeting.legal_basis === 'consent' && meeting.status === 'held',
      };
      // The state machine decides which refusal comes first; two of them are made more specific.
      const check = transition(kase.stage, 'approvePlan', { ...noFacts, ...facts });
      if (!check.ok && check.code === 'case.consentRequired') {
        const uncovered = await organizationsWithoutConsent(tx, consentQuery);
        const names = await organizationNames(tx, actor.tenantId, uncovered);
        throw new HttpProblem(
          409,
          'consent.required',
          `本人の同意（有効なもの）が次の機関への情報共有を含んでいないため、支援プランを決定できません：${uncovered.map((id) => names.get(id) ?? id).join('、')}。同意の範囲を記録し直すか、担当機関を見直してください。`,
        );
      }
      if (!check.ok && check.code === 'case.meetingDecisionRequired' && meeting.legal_basis === 'consent') {
        throw new HttpProblem(
          409,
          'meeting.notHeld',
          `「${meeting.title}」はまだ開催されていません。会議の開催を記録してから支援プランを決定してください。`,
        );
      }
      await advanceCase(tx, actor, kase, 'approvePlan', facts);
      await approvePlan(tx, {
        tenantId: actor.tenantId,
        caseId: kase.id,
        planId: plan.id,
        meetingId: meeting.id,
        approvedBy: actor.userId,
      });
      // The legal basis of each sharing is the consent that covers it (source_id = consent id),
      // so a withdrawal finds exactly the participations resting on it.
      const coverage = await consentCoverage(tx, consentQuery);
      for (const item of items) {
        await addParticipant(tx, {
          tenant_id: actor.tenantId,
          case_id: kase.id,
          organization_id: item.organization_id,
          basis: 'planItem',
          scope: 'case',
          legal_basis: 'consent',
          source_id: coverage.get(item.organization_id) ?? null,
        });
      }
      await tx
        .updateTable('cases')
        .set({ next_monitoring_on: plan.next_monitoring_on, updated_at: now() })
        .where('id', '=', kase.id)
        .execute();
      await recordOnTimeline(tx, actor, kase.id, {
        kind: 'planApproved',
        subjectId: plan.id,
        summary: `支援プラン第${plan.version}版を決定（${meeting.title}）`,
        details: {
          planId: plan.id,
          version: plan.version,
          meetingId: meeting.id,
          organizations: organizationIds,
        },
      });
      await audit({
        action: 'plan.approve',
        resourceType: 'supportPlan',
        resourceId: plan.id,
        personId: kase.primary_person_id,
        caseId: kase.id,
        legalBasis: 'consent',
        details: {
          version: plan.version,
          meetingId: meeting.id,
          sharedWith: organizationIds,
        },
      });
      return presentedPlan(tx, actor, plan.id);
    },
  );

  op.get(
    '/api/plans/:id',
    {
      operationId: 'plans.get',
      access: { permission: 'case.read' },
      audit: ['plan.read'],
      summary: 'One version of a support plan, with its items',
      params: idParamsSchema,
      response: { 200: planSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const plan = orNotFound(await findPlan(tx, actor, request.params.id));
      const details = await loadPlanDetails(tx, actor.tenantId, [plan]);
      await audit({
        action: 'plan.read',
        resourceType: 'supportPlan',
        resourceId: plan.id,
        personId: plan.primary_person_id,
        caseId: plan.case_id,
        details: { planIds: [plan.id], itemIds: details.get(plan.id)?.items.map((i) => i.id) ?? [] },
      });
      return presentPlan(plan, details.get(plan.id), actor);
    },
  );

  op.get(
    '/api/cases/:id/plans',
    {
      operationId: 'plans.list',
      access: { permission: 'case.read' },
      audit: ['plan.list'],
      summary: 'All versions of a case’s support plan, newest first',
      params: idParamsSchema,
      querystring: pageQuerySchema,
      response: { 200: planListSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const { limit, cursor } = request.query;
      const after = decodeCursor(cursor, ['integer', 'uuid']);
      const kase = await visibleCase(request.params.id);
      const rows = await listPlans(tx, actor, kase.id, {
        limit: limit + 1,
        beforeVersion: after?.[0] as number | undefined,
      });
      const { page, nextCursor } = pageOf(rows, limit, (last) => [last.version, last.id]);
      const details = await loadPlanDetails(tx, actor.tenantId, page);
      await audit({
        action: 'plan.list',
        resourceType: 'supportPlan',
        personId: kase.primary_person_id,
        caseId: kase.id,
        details: { planIds: page.map((p) => p.id) },
      });
      return {
        items: page.map((plan) => presentPlan(plan, details.get(plan.id), actor)),
        nextCursor,
      };
    },
  );

  op.get(
    '/api/plans/:id/compare',
    {
      operationId: 'plans.compare',
      access: { permission: 'case.read' },
      audit: ['plan.compare'],
      summary: 'Two versions of a case’s plan side by side (older → newer)',
      params: idParamsSchema,
      querystring: planCompareQuerySchema,
      response: { 200: planComparisonSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const plan = await findPlan(tx, actor, request.params.id);
      const other = await findPlan(tx, actor, request.query.with);
      if (!plan || !other) throw notFound();
      if (plan.case_id !== other.case_id) {
        throw invalidFields([
          { field: 'with', code: 'otherCase', message: '同じ事例の支援プランを指定してください' },
        ]);
      }
      const [older, newer] = plan.version <= other.version ? [plan, other] : [other, plan];
      const details = await loadPlanDetails(tx, actor.tenantId, [older, newer]);
      const itemsOf = (p: PlanRecord) => (details.get(p.id)?.items ?? []).map(presentPlanItem);
      const comparison = comparePlans(older, itemsOf(older), newer, itemsOf(newer));
      await audit({
        action: 'plan.compare',
        resourceType: 'supportPlan',
        resourceId: plan.id,
        personId: plan.primary_person_id,
        caseId: plan.case_id,
        details: { planIds: [older.id, newer.id] },
      });
      return { ...comparison, abilities: {} };
    },
  );

  op.get(
    '/api/plan-items',
    {
      operationId: 'planItems.mine',
      access: { permission: 'supportReport.create' },
      audit: ['planItem.list'],
      tags: ['planItems'],
      summary: 'My plan items: current plan items my organisation is responsible for',
      querystring: pageQuerySchema,
      response: { 200: myPlanItemListSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { limit, cursor } = request.query;
      const after = decodeCursor(cursor, ['text', 'integer', 'uuid']);
      const today = tokyoToday();
      const rows = await listMyPlanItems(tx, actor, {
        limit: limit + 1,
        after: after ? { caseNumber: after[0] as string, position: after[1] as number } : undefined,
      });
      const { page, nextCursor } = pageOf(rows, limit, (last) => [last.case_number, last.position, last.id]);
      await audit({
        action: 'planItem.list',
        resourceType: 'planItem',
        details: {
          itemIds: page.map((row) => row.id),
          caseIds: [...new Set(page.map((row) => row.case_id))],
        },
      });
      return {
        items: page.map((row) => presentMyPlanItem(row, today, actor)),
        nextCursor,
      };
    },
  );
}
