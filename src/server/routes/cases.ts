import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import {
  assignableUsersSchema,
  type CaseDetail,
  type CaseListItem,
  caseAssigneeInputSchema,
  caseDetailSchema,
  caseExportQuerySchema,
  caseListQuerySchema,
  caseListSchema,
  caseReasonInputSchema,
  caseTimelineQuerySchema,
  caseTimelineSchema,
  closeCaseInputSchema,
} from '../../contract/cases.ts';
import { idParamsSchema } from '../../contract/common.ts';
import { problemSchema } from '../../contract/problem.ts';
import { latestAssessment } from '../../db/assessments.ts';
import type { AuditAction } from '../../db/auditTrail.ts';
import { assignableUsers, setAssignee } from '../../db/caseAssignee.ts';
import type { CaseEventKind } from '../../db/caseEvents.ts';
import {
  type CaseListRow,
  type CaseRow,
  caseOrigin,
  caseParticipants,
  casePersons,
  clearClosure,
  findVisibleCase,
  knownOrganizationIds,
  latestContactDays,
  listCaseEvents,
  listVisibleCases,
  organizationNames,
  recordClosure,
  userNames,
  visibleMeetingsOfCase,
} from '../../db/cases.ts';
import { consentCoverage, consentsOfCase } from '../../db/consents.ts';
import { addParticipant } from '../../db/participants.ts';
import { planForEachExecution } from '../../db/preparedStatements.ts';
import type { DB } from '../../db/schema.ts';
import * as clock from '../../domain/clock.ts';
import { type CodeOf, closureReasons, type householdFlags, labelOf } from '../../domain/codeLists.ts';
import { dueDateOf } from '../../domain/dueDates.ts';
import { caseAbilities, coordinatesCase } from '../../domain/policy/cases.ts';
import type { Actor } from '../actor.ts';
import { caseEvent } from '../auditSubjects.ts';
import { type CaseExportRow, caseExportCsv, caseExportXlsx } from '../caseExport.ts';
import { recordOnTimeline } from '../caseTimeline.ts';
import { advanceCase } from '../caseTransitions.ts';
import { attachment } from '../documents.ts';
import { exportRateLimit } from '../exportRateLimit.ts';
import { operations, readErrors, writeErrors } from '../operation.ts';
import { decodeCursor, nextCursor, pageOf } from '../pagination.ts';
import { forbidden, HttpProblem, invalidField, orNotFound } from '../problem.ts';
import { type RequestTransaction, requestTransaction } from '../requestTransaction.ts';
import { presentAssessment } from './assessments.ts';
import { discloseConsentEntries, presentConsents } from './consents.ts';
import { presentMeetingSummary } from './meetings.ts';

type Origin = NonNullable<CaseDetail['origin']>['consultation'];

const fullName = (p: { family_name: string; given_name: string }) => `${p.family_name} ${p.given_name}`;
const fullKana = (p: { family_name_kana: string; given_name_kana: string }) =>
  `${p.family_name_kana} ${p.given_name_kana}`;

/** Cases read per statement by cases.export, and the most it writes into one file. */
const EXPORT_BATCH = 500;
const maxExportRows = 10_000;

/** The filter's fields that were given, for an audit event's details. */
function definedOnly(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

function presentCaseListItem(row: CaseListRow, actor: Actor): CaseListItem {
  const myBases = row.my_bases ?? [];
  return {
    id: row.id,
    caseNumber: row.case_number,
    stage: row.stage,
    person: { id: row.primary_person_id, name: fullName(row), kana: fullKana(row) },
    householdFlags: (row.household_flags ?? []) as CodeOf<typeof householdFlags>[],
    nextMonitoringOn: row.next_monitoring_on,
    nextMonitoringDueOn: row.next_monitoring_on ? dueDateOf(row.next_monitoring_on).dueOn : null,
    acceptedOn: row.accepted_on,
    coordinatingOrganization: {
      id: row.coordinating_organization_id,
      name: row.coordinating_organization_name,
    },
    leadOrganization: row.lead_organization_id
      ? { id: row.lead_organization_id, name: row.lead_organization_name ?? '' }
      : null,
    myParticipation: myBases,
    assignedUser: row.assigned_user_id
      ? { id: row.assigned_user_id, name: row.assigned_user_name ?? '' }
      : null,
    updatedAt: row.updated_at.toISOString(),
    abilities: caseAbilities(actor, row, { hasAssessment: row.household_flags !== null, myBases }),
  };
}

/** Everything the case page needs, for this caller. The caller has found the case with findVisibleCase. */
export async function loadCaseDetail(tx: Transaction<DB>, actor: Actor, kase: CaseRow): Promise<CaseDetail> {
  const persons = await casePersons(tx, kase);
  const personIds = new Set(persons.map((p) => p.id));
  const origin = await caseOrigin(tx, kase);
  const assessment = await latestAssessment(tx, actor.tenantId, kase.id);
  const consents = await consentsOfCase(tx, actor.tenantId, kase.id, [...personIds]);
  const meetings = await visibleMeetingsOfCase(tx, actor, kase.id);
  const participants = await caseParticipants(tx, kase);
  const organizations = await organizationNames(tx, actor.tenantId, [
    kase.coordinating_organization_id,
    kase.lead_organization_id,
    origin?.from_organization_id,
    origin?.consultation_organization_id,
    ...consents.flatMap((c) => c.organization_ids),
    ...participants.map((p) => p.organization_id),
  ]);
  const users = await userNames(tx, actor.tenantId, [
    kase.assigned_user_id,
    assessment?.recorded_by,
    ...consents.map((c) => c.recorded_by),
  ]);
  const org = (id: string) => ({ id, name: organizations.get(id) ?? '' });
  const personNames = new Map(persons.map((p) => [p.id, fullName(p)]));
  const myBases = [
    ...new Set(
      participants
        .filter((p) => p.organization_id === actor.organizationId && p.scope === 'case')
        .map((p) => p.basis),
    ),
  ].sort();

  return {
    id: kase.id,
    caseNumber: kase.case_number,
    stage: kase.stage,
    acceptedOn: kase.accepted_on,
    nextMonitoringOn: kase.next_monitoring_on,
    nextMonitoringDueOn: kase.next_monitoring_on ? dueDateOf(kase.next_monitoring_on).dueOn : null,
    closedOn: kase.closed_on,
    closureReason: (kase.closure_reason as CodeOf<typeof closureReasons> | null) ?? null,
    closureEvaluation: kase.closure_evaluation,
    coordinatingOrganization: org(kase.coordinating_organization_id),
    leadOrganization: kase.lead_organization_id ? org(kase.lead_organization_id) : null,
    assignedUser: kase.assigned_user_id
      ? { id: kase.assigned_user_id, name: users.get(kase.assigned_user_id) ?? '' }
      : null,
    updatedAt: kase.updated_at.toISOString(),
    persons: persons.map((p) => ({
      id: p.id,
      name: fullName(p),
      kana: fullKana(p),
      birthDate: p.birth_date,
      sex: p.sex,
      relation: p.relation as CaseDetail['persons'][number]['relation'],
      livingTogether: p.living_together,
      isTarget: p.is_target ?? false,
      isPrimary: p.id === kase.primary_person_id,
    })),
    origin: origin
      ? {
          consultation: {
            id: origin.consultation_id,
            receivedOn: origin.received_on,
            organization: org(origin.consultation_organization_id),
            channel: origin.channel as Origin['channel'],
            topics: origin.topics as Origin['topics'],
            mainTopic: origin.main_topic as Origin['mainTopic'],
            content: origin.content,
            wishes: origin.wishes,
            consentToShare: origin.consent_to_share,
          },
          handover: {
            id: origin.handover_id,
            fromOrganization: org(origin.from_organization_id),
            reason: origin.reason,
            servicesTried: origin.services_tried,
            decidedAt: origin.decided_at?.toISOString() ?? null,
          },
        }
      : null,
    assessment: assessment
      ? presentAssessment(assessment, {
          actor,
          kase,
          recordedByName: users.get(assessment.recorded_by) ?? '',
          personIds,
        })
      : null,
    consents: await presentConsents(tx, actor, consents, personNames, kase.id),
    meetings: meetings.map((m) => presentMeetingSummary(m, actor, kase)),
    participants: participants.map((p) => ({
      organization: org(p.organization_id),
      basis: p.basis,
      scope: p.scope,
      legalBasis: p.legal_basis,
      meetingId: p.meeting_id,
    })),
    myParticipation: myBases,
    abilities: caseAbilities(actor, kase, { hasAssessment: assessment !== undefined, myBases }),
  };
}

/**
 * Load a case for a coordinator action: 404 unless visible, 403 unless the caller coordinates it.
 * The row is locked unless `forUpdate: false` (a coordinator-only read).
 */
async function caseToCoordinate(
  tx: Transaction<DB>,
  actor: Actor,
  caseId: string,
  { forUpdate = true }: { forUpdate?: boolean } = {},
): Promise<CaseRow> {
  const kase = orNotFound(await findVisibleCase(tx, actor, caseId, { forUpdate }));
  if (!coordinatesCase(actor, kase)) throw forbidden();
  return kase;
}

/**
 * The case routes (cases.*), and with them the routes of the case's own records: assessments,
 * consents and meetings.
 */
export function caseRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const op = operations(app, db, { tags: ['cases'] });

  op.get(
    '/api/cases',
    {
      operationId: 'cases.list',
      access: { permission: 'case.read' },
      audit: ['case.list'],
      summary: '自機関が参加している事例の一覧（更新の新しい順）',
      description:
        'q は氏名（漢字。髙/高・﨑/崎などの異体字を区別しない）、フリガナ（ひらがな・カタカナ・全角半角を区別しない）、' +
        '事例番号に部分一致し、宛名番号・生年月日（和暦・西暦）に一致します。段階・担当・世帯類型・課題の分野・' +
        'モニタリング期限・記録のない日数で絞り込めます（ホーム画面の数値と同じ条件）。',
      querystring: caseListQuerySchema,
      response: { 200: caseListSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { limit, cursor: rawCursor, ...filter } = request.query;
      const after = decodeCursor(rawCursor, ['instant', 'uuid']);
      const cursor = after ? { at: after[0], id: after[1] } : undefined;
      const rows = await listVisibleCases(tx, actor, {
        filter,
        today: clock.today(),
        userId: actor.userId,
        limit,
        ...(cursor ? { cursor } : {}),
      });
      const { page, nextCursor } = pageOf(rows, limit, (last) => [last.sort_at, last.id]);
      const items = page.map((row) => presentCaseListItem(row, actor));
      // Audited last, so the tenant's audit-chain lock is held for as short a time as possible.
      await audit({
        action: 'case.list',
        resourceType: 'case',
        details: {
          caseIds: items.map((i) => i.id),
          personIds: items.map((i) => i.person.id),
          ...definedOnly(filter),
        },
      });
      return {
        items,
        nextCursor,
      };
    },
  );

  op.get(
    '/api/cases/export',
    {
      operationId: 'cases.export',
      access: { permission: 'case.read' },
      audit: ['export'],
      summary: '事例一覧を CSV（UTF-8 BOM 付き）または Excel（xlsx）で出力',
      description:
        `事例一覧と同じ条件で、自機関が参加している事例だけを出力します（最大${maxExportRows.toLocaleString('ja-JP')}件。` +
        'それより多いときは 400：条件を絞り込んでください）。出力は監査ログに記録され、利用者ごとに回数の上限があります。',
      querystring: caseExportQuerySchema,
      preHandler: exportRateLimit,
      response: { 200: z.any(), ...readErrors, 429: problemSchema },
    },
    async ({ request, reply, actor, tx, audit }) => {
      const { format, ...filter } = request.query;
      await planForEachExecution(tx);
      const today = clock.today();
      const rows: CaseListRow[] = [];
      let cursor: { at: string; id: string } | undefined;
      for (;;) {
        const batch = await listVisibleCases(tx, actor, {
          filter,
          today,
          userId: actor.userId,
          limit: EXPORT_BATCH,
          ...(cursor ? { cursor } : {}),
        });
        rows.push(...batch.slice(0, EXPORT_BATCH));
        if (rows.length > maxExportRows) {
          throw new HttpProblem(
            400,
            'export.tooLarge',
            `出力できるのは${maxExportRows.toLocaleString('ja-JP')}件までですが、条件に合う事例はそれより多くあります。段階などの条件を絞り込んでください。`,
          );
        }
        const last = batch[EXPORT_BATCH - 1];
        if (batch.length <= EXPORT_BATCH || !last) break;
        cursor = { at: last.sort_at, id: last.id };
      }
      const contacts = new Map<string, string>();
      for (let i = 0; i < rows.length; i += EXPORT_BATCH) {
        const ids = rows.slice(i, i + EXPORT_BATCH).map((row) => row.id);
        for (const [id, day] of await latestContactDays(tx, actor.tenantId, ids)) contacts.set(id, day);
      }
      const cases: CaseExportRow[] = rows.map((row) => ({ row, latestContactOn: contacts.get(row.id) }));
      await audit({
        action: 'export',
        resourceType: 'case',
        details: {
          format,
          count: cases.length,
          filter: definedOnly(filter),
          caseIds: rows.map((row) => row.id),
        },
      });
      const stamp = today.replaceAll('-', '');
      reply
        .header(
          'content-type',
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', attachment(`事例一覧_${stamp}.${format}`));
      return format === 'csv' ? caseExportCsv(cases) : await caseExportXlsx(cases);
    },
  );

  op.get(
    '/api/cases/:id',
    {
      operationId: 'cases.get',
      access: { permission: 'case.read' },
      audit: ['case.read'],
      summary: '事例（世帯・相談・引継ぎ・課題整理・同意・会議・参加機関）',
      params: idParamsSchema,
      response: { 200: caseDetailSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const kase = await visibleCase(request.params.id);
      const detail = await loadCaseDetail(tx, actor, kase);
      await audit(caseEvent(kase, 'case.read', { personIds: detail.persons.map((p) => p.id) }));
      return detail;
    },
  );

  op.get(
    '/api/cases/:id/timeline',
    {
      operationId: 'cases.timeline',
      access: { permission: 'case.read' },
      audit: ['case.timeline'],
      summary: '支援経過（すべての機関の記録、新しい順）',
      params: idParamsSchema,
      querystring: caseTimelineQuerySchema,
      response: { 200: caseTimelineSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const { limit } = request.query;
      const after = decodeCursor(request.query.cursor, ['instant', 'uuid']);
      const cursor = after ? { at: after[0], id: after[1] } : undefined;
      const kase = await visibleCase(request.params.id);
      const rows = await listCaseEvents(tx, actor, kase.id, { limit, ...(cursor ? { cursor } : {}) });
      const page = await discloseConsentEntries(tx, actor, kase.id, rows.slice(0, limit));
      await audit(caseEvent(kase, 'case.timeline', { eventIds: page.map((e) => e.id) }));
      return {
        items: page.map((e) => ({
          id: e.id,
          occurredAt: e.occurred_at.toISOString(),
          recordedAt: e.recorded_at.toISOString(),
          kind: e.kind,
          summary: e.summary,
          subjectId: e.subject_id,
          details: (typeof e.details === 'string' ? JSON.parse(e.details) : e.details) as Record<
            string,
            unknown
          >,
          actor: {
            user: e.actor_user_id ? { id: e.actor_user_id, name: e.actor_user_name ?? '' } : null,
            organization: e.actor_organization_id
              ? { id: e.actor_organization_id, name: e.actor_organization_name ?? '' }
              : null,
          },
        })),
        nextCursor: nextCursor(page, rows.length > limit, (last) => [last.sort_at, last.id]),
      };
    },
  );

  op.post(
    '/api/cases/:id/close',
    {
      operationId: 'cases.close',
      access: { permission: 'case.coordinate' },
      audit: ['case.close'],
      summary: '事例を終結する（理由・評価。主担当機関が支援を続ける場合はその機関）',
      params: idParamsSchema,
      body: closeCaseInputSchema,
      response: { 200: caseDetailSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const kase = await caseToCoordinate(tx, actor, request.params.id);
      const leadId = input.leadOrganizationId ?? null;
      if (leadId) {
        const known = await knownOrganizationIds(tx, actor.tenantId, [leadId]);
        if (!known.has(leadId) || leadId === kase.coordinating_organization_id) {
          throw invalidField(
            'leadOrganizationId',
            known.has(leadId) ? 'coordinatingSection' : 'unknownOrganization',
            known.has(leadId)
              ? '重層事業担当は主担当機関に指定できません'
              : '主担当機関が見つからないか、無効になっています',
            '主担当機関の指定に誤りがあります。',
          );
        }
      }
      await advanceCase(tx, actor, kase, 'close', {
        hasReason: Boolean(input.reason),
        hasEvaluation: Boolean(input.evaluation),
      });
      const today = clock.today();
      if (leadId) {
        // The lead organisation goes on seeing the case: on the ground it already takes part on,
        // or on the person's consent. Without either, the case cannot be handed to it.
        const existing = (await caseParticipants(tx, kase)).find(
          (p) => p.organization_id === leadId && p.scope === 'case',
        );
        const coverage = existing
          ? new Map<string, string>()
          : await consentCoverage(tx, {
              tenantId: actor.tenantId,
              personId: kase.primary_person_id,
              caseId: kase.id,
              organizationIds: [leadId],
              onDate: today,
            });
        const legalBasis = existing?.legal_basis ?? (coverage.has(leadId) ? 'consent' : null);
        if (!legalBasis) {
          const names = await organizationNames(tx, actor.tenantId, [leadId]);
          throw new HttpProblem(
            409,
            'consent.required',
            `${names.get(leadId) ?? ''}はこの事例に参加しておらず、本人の同意も記録されていないため、主担当機関にできません。`,
            [
              {
                field: 'leadOrganizationId',
                code: 'consentMissing',
                message: '本人の同意が記録されていません',
              },
            ],
          );
        }
        await addParticipant(tx, {
          tenant_id: actor.tenantId,
          case_id: kase.id,
          organization_id: leadId,
          basis: 'lead',
          scope: 'case',
          legal_basis: legalBasis,
          source_id: coverage.get(leadId) ?? null,
        });
      }
      await recordClosure(tx, kase, {
        closedOn: today,
        reason: input.reason,
        evaluation: input.evaluation,
        leadOrganizationId: leadId,
      });
      const reasonLabel = labelOf(closureReasons, input.reason);
      const leadName = leadId
        ? (await organizationNames(tx, actor.tenantId, [leadId])).get(leadId)
        : undefined;
      await logCaseChange(tx, audit, actor, kase, 'closed', 'case.close', {
        summary: `終結（${reasonLabel}${leadName ? `／主担当：${leadName}` : ''}）`,
        details: { reason: input.reason, evaluation: input.evaluation, leadOrganizationId: leadId },
        audit: { reason: input.reason, leadOrganizationId: leadId },
      });
      return reload(tx, actor, kase.id);
    },
  );

  for (const [verb, event, kind, action, label] of [
    ['suspend', 'suspend', 'suspended', 'case.suspend', '中断'],
    ['reopen', 'reopen', 'reopened', 'case.reopen', '再開'],
  ] as const) {
    r.post(
      `/api/cases/:id/${verb}`,
      {
        config: { access: { permission: 'case.coordinate' }, audit: [action] },
        schema: {
          operationId: `cases.${verb}`,
          summary: verb === 'suspend' ? '事例を中断する（理由）' : '終結・中断した事例を再開する（理由）',
          tags: ['cases'],
          params: idParamsSchema,
          body: caseReasonInputSchema,
          response: { 200: caseDetailSchema, ...writeErrors },
        },
      },
      async (request) => {
        const { reason } = request.body;
        return requestTransaction(db, request, async ({ actor, tx, audit }) => {
          const kase = await caseToCoordinate(tx, actor, request.params.id);
          await advanceCase(tx, actor, kase, event, { hasReason: Boolean(reason) });
          if (event === 'reopen') await clearClosure(tx, kase);
          await logCaseChange(tx, audit, actor, kase, kind, action, {
            summary: `${label}：${reason}`,
            details: {
              reason,
              ...(event === 'reopen' && kase.closure_reason
                ? { previousClosureReason: kase.closure_reason, previousClosedOn: kase.closed_on }
                : {}),
            },
            audit: { reason },
          });
          return reload(tx, actor, kase.id);
        });
      },
    );
  }

  op.get(
    '/api/cases/:id/assignable-users',
    {
      operationId: 'cases.assignableUsers',
      access: { permission: 'case.coordinate' },
      audit: [],
      summary: '担当職員に指定できる職員（この事例に参加している機関の有効な職員）',
      params: idParamsSchema,
      response: { 200: assignableUsersSchema },
    },
    async ({ request, actor, tx }) => {
      const kase = await caseToCoordinate(tx, actor, request.params.id, { forUpdate: false });
      const rows = await assignableUsers(tx, kase);
      return {
        items: rows.map((u) => ({
          id: u.id,
          name: u.display_name,
          organization: { id: u.organization_id, name: u.organization_name },
        })),
      };
    },
  );

  op.put(
    '/api/cases/:id/assignee',
    {
      operationId: 'cases.assign',
      access: { permission: 'case.coordinate' },
      audit: ['case.assign'],
      summary: '担当職員を指定する（null で解除。この事例に参加している機関の有効な職員）',
      params: idParamsSchema,
      body: caseAssigneeInputSchema,
      response: { 200: caseDetailSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { userId } = request.body;
      const kase = await caseToCoordinate(tx, actor, request.params.id);
      if (kase.stage === 'closed') {
        throw new HttpProblem(409, 'conflict.state', '終結した事例の担当職員は変更できません。');
      }
      if (userId !== null && (await assignableUsers(tx, kase, userId)).length === 0) {
        throw invalidField(
          'userId',
          'notAssignable',
          'この事例に参加している機関の有効な職員を選んでください',
          '担当職員の指定に誤りがあります。',
        );
      }
      const previous = kase.assigned_user_id;
      if (previous !== userId) {
        await setAssignee(tx, kase.id, userId);
        const names = await userNames(tx, actor.tenantId, [previous, userId]);
        const nameOf = (id: string | null) => (id ? (names.get(id) ?? '') : '未設定');
        await recordOnTimeline(tx, actor, kase.id, {
          kind: 'assigneeChanged',
          subjectId: userId,
          summary: `担当職員：${nameOf(previous)} → ${nameOf(userId)}`,
          details: { fromUserId: previous, toUserId: userId },
        });
        await audit(caseEvent(kase, 'case.assign', { fromUserId: previous, toUserId: userId }));
      }
      return reload(tx, actor, kase.id);
    },
  );
}

/** The timeline entry and audit event of a close / suspend / reopen. */
async function logCaseChange(
  tx: Transaction<DB>,
  audit: RequestTransaction['audit'],
  actor: Actor,
  kase: CaseRow,
  kind: CaseEventKind,
  action: AuditAction,
  entry: { summary: string; details: Record<string, unknown>; audit: Record<string, unknown> },
): Promise<void> {
  await recordOnTimeline(tx, actor, kase.id, {
    kind,
    summary: entry.summary,
    details: entry.details,
  });
  await audit(caseEvent(kase, action, { from: kase.stage, ...entry.audit }));
}

async function reload(tx: Transaction<DB>, actor: Actor, caseId: string): Promise<CaseDetail> {
  const kase = orNotFound(await findVisibleCase(tx, actor, caseId));
  return loadCaseDetail(tx, actor, kase);
}
