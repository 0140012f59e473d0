import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import {
  type Meeting,
  type MeetingSummary,
  meetingInputSchema,
  meetingSchema,
  minutesInputSchema,
} from '../../contract/meetings.ts';
import { knownOrganizationIds, organizationNames, touchCase, userNames } from '../../db/cases.ts';
import { consentCoverage } from '../../db/consents.ts';
import {
  acknowledgeInvitation,
  findMeetingKind,
  findVisibleMeeting,
  type InvitationRow,
  insertMeeting,
  invitationsOf,
  recordMinutes,
  type VisibleMeetingRow,
} from '../../db/meetings.ts';
import { addParticipant } from '../../db/participants.ts';
import type { DB } from '../../db/schema.ts';
import { type CaseStage, isOpenStage } from '../../domain/caseStage.ts';
import { now } from '../../domain/clock.ts';
import { coordinatesCase } from '../../domain/policy/cases.ts';
import { mayScheduleMeeting, meetingAbilities, meetingPapersWithheld } from '../../domain/policy/meetings.ts';
import { formatWareki, toIsoDate } from '../../domain/wareki.ts';
import type { Actor } from '../actor.ts';
import { recordOnTimeline } from '../caseTimeline.ts';
import { advanceCase } from '../caseTransitions.ts';
import { operations } from '../operation.ts';
import {
  conflict,
  forbidden,
  HttpProblem,
  invalidField,
  notFound,
  orNotFound,
  refuseFieldErrors,
} from '../problem.ts';

/** Clock skew tolerated when a meeting is recorded as held "now". */
const HELD_AT_TOLERANCE_MS = 10 * 60 * 1000;

const listNames = (ids: readonly string[], names: ReadonlyMap<string, string>) =>
  ids.map((id) => names.get(id) ?? id).join('、');

/** A meeting row as listed on its case's page. */
export function presentMeetingSummary(
  row: {
    id: string;
    title: string;
    legal_basis: 'article106_6' | 'consent';
    status: 'scheduled' | 'held';
    scheduled_at: Date;
    held_at: Date | null;
    kind_id: string;
    kind_code: string;
    kind_name: string;
    invitation_id: string | null;
    acknowledged_at: Date | null;
    attended: boolean | null;
  },
  actor: Actor,
  kase: { coordinating_organization_id: string; stage: CaseStage },
): MeetingSummary {
  const mine = row.invitation_id ? { acknowledged_at: row.acknowledged_at } : undefined;
  return {
    id: row.id,
    title: row.title,
    kind: { id: row.kind_id, code: row.kind_code, name: row.kind_name },
    legalBasis: row.legal_basis,
    status: row.status,
    scheduledAt: row.scheduled_at.toISOString(),
    heldAt: row.held_at?.toISOString() ?? null,
    myInvitation: mine
      ? { acknowledgedAt: row.acknowledged_at?.toISOString() ?? null, attended: row.attended }
      : null,
    abilities: meetingAbilities(
      actor,
      { ...row, coordinating_organization_id: kase.coordinating_organization_id, case_stage: kase.stage },
      mine,
    ),
  };
}

/** Load a visible meeting's invitations and names, and present it for this caller. */
export async function presentMeeting(
  tx: Transaction<DB>,
  actor: Actor,
  meeting: VisibleMeetingRow,
): Promise<Meeting> {
  const invitations = await invitationsOf(tx, actor.tenantId, meeting.id);
  const organizations = await organizationNames(
    tx,
    actor.tenantId,
    invitations.map((i) => i.organization_id),
  );
  const users = await userNames(tx, actor.tenantId, [
    meeting.created_by,
    ...invitations.map((i) => i.acknowledged_by),
  ]);
  const mine = invitations.find((i) => i.organization_id === actor.organizationId);
  const withheld = meetingPapersWithheld(actor, meeting, mine);
  const presentInvitation = (i: InvitationRow) => ({
    organization: { id: i.organization_id, name: organizations.get(i.organization_id) ?? '' },
    attended: i.attended,
    attendeeName: i.attendee_name,
    deputyName: i.deputy_name,
    acknowledgedAt: i.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: i.acknowledged_by
      ? { id: i.acknowledged_by, name: users.get(i.acknowledged_by) ?? '' }
      : null,
  });
  return {
    id: meeting.id,
    case: {
      id: meeting.case_id,
      caseNumber: meeting.case_number,
      personName: `${meeting.person_family_name} ${meeting.person_given_name}`,
    },
    kind: { id: meeting.kind_id, code: meeting.kind_code, name: meeting.kind_name },
    legalBasis: meeting.legal_basis,
    title: meeting.title,
    scheduledAt: meeting.scheduled_at.toISOString(),
    place: meeting.place,
    status: meeting.status,
    heldAt: meeting.held_at?.toISOString() ?? null,
    agenda: withheld ? null : meeting.agenda,
    minutes: withheld ? null : meeting.minutes,
    decisions: withheld ? null : meeting.decisions,
    requiresAcknowledgement: withheld === 'acknowledgementRequired',
    withheld,
    invitations: invitations.map(presentInvitation),
    myInvitation: mine ? presentInvitation(mine) : null,
    createdBy: { id: meeting.created_by, name: users.get(meeting.created_by) ?? '' },
    createdAt: meeting.created_at.toISOString(),
    abilities: meetingAbilities(actor, meeting, mine),
  };
}

/** The meeting with this id as the caller sees it now, and its row; 404 unless visible. */
async function visibleMeeting(tx: Transaction<DB>, actor: Actor, id: string) {
  const row = orNotFound(await findVisibleMeeting(tx, actor, id));
  return { row, meeting: await presentMeeting(tx, actor, row) };
}

export function meetingRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['meetings'] });

  op.post(
    '/api/cases/:id/meetings',
    {
      operationId: 'meetings.create',
      access: { permission: 'case.coordinate' },
      audit: ['meeting.create'],
      summary: '支援会議・重層的支援会議を設定し、機関を招集する',
      description:
        '重層的支援会議（legal basis consent）は、招集するすべての機関について本人の同意が記録されていることが必要です（なければ 409 consent.required）。招集された機関は事例の参加機関になります。支援会議（社会福祉法第106条の6）は同意不要で、招集された機関はその会議だけを閲覧できます。',
      params: idParamsSchema,
      body: meetingInputSchema,
      response: { 201: meetingSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const input = request.body;
      const kase = await visibleCase(request.params.id, { forUpdate: true });
      if (!mayScheduleMeeting(actor, kase)) throw forbidden();

      const kind = await findMeetingKind(tx, actor.tenantId, input.kindId);
      if (!kind) {
        throw invalidField(
          'kindId',
          'unknownKind',
          '会議の種類が見つかりません',
          '会議の種類が見つかりません。',
        );
      }
      const invited = input.invitedOrganizationIds;
      const known = await knownOrganizationIds(tx, actor.tenantId, invited);
      const badInvitees = invited.flatMap((id, index) =>
        !known.has(id)
          ? [
              {
                field: `invitedOrganizationIds.${index}`,
                code: 'unknownOrganization',
                message: '招集する機関が見つからないか、無効になっています',
              },
            ]
          : id === kase.coordinating_organization_id
            ? [
                {
                  field: `invitedOrganizationIds.${index}`,
                  code: 'organiser',
                  message: '会議を主催する重層事業担当は招集先に含めません',
                },
              ]
            : [],
      );
      refuseFieldErrors('招集する機関の指定に誤りがあります。', badInvitees);
      if (!isOpenStage(kase.stage)) {
        throw conflict(
          'conflict.state',
          '終結または中断した事例には会議を設定できません。必要なら事例を再開してください。',
        );
      }

      // 重層的支援会議: the person's consent must cover every invited organisation on the day.
      const onDate = toIsoDate(input.scheduledAt);
      const coverage =
        kind.legal_basis === 'consent'
          ? await consentCoverage(tx, {
              tenantId: actor.tenantId,
              personId: kase.primary_person_id,
              caseId: kase.id,
              organizationIds: invited,
              onDate,
            })
          : new Map<string, string>();
      if (kind.legal_basis === 'consent') {
        const missing = invited.filter((id) => !coverage.has(id));
        if (missing.length > 0) {
          const names = await organizationNames(tx, actor.tenantId, missing);
          throw new HttpProblem(
            409,
            'consent.required',
            `${kind.name}に招集するには本人の同意が必要です。次の機関について、開催日（${formatWareki(onDate)}）に有効な同意が記録されていません：${listNames(missing, names)}。同意を記録するか、支援会議として開催してください。`,
            missing.map((id) => ({
              field: `invitedOrganizationIds.${invited.indexOf(id)}`,
              code: 'consentMissing',
              message: `${names.get(id) ?? id}への情報共有について本人の同意が記録されていません`,
            })),
          );
        }
      }

      const created = await insertMeeting(tx, {
        tenantId: actor.tenantId,
        caseId: kase.id,
        kind,
        createdBy: actor.userId,
        input,
      });
      for (const organizationId of invited) {
        await addParticipant(
          tx,
          kind.legal_basis === 'consent'
            ? {
                tenant_id: actor.tenantId,
                case_id: kase.id,
                organization_id: organizationId,
                basis: 'meeting',
                scope: 'case',
                legal_basis: 'consent',
                meeting_id: created.id,
                source_id: coverage.get(organizationId) ?? null,
              }
            : {
                tenant_id: actor.tenantId,
                case_id: kase.id,
                organization_id: organizationId,
                basis: 'meeting',
                scope: 'meeting',
                legal_basis: 'article106_6',
                meeting_id: created.id,
              },
        );
      }
      await touchCase(tx, kase);
      const names = await organizationNames(tx, actor.tenantId, invited);
      await recordOnTimeline(tx, actor, kase.id, {
        kind: 'meetingScheduled',
        subjectId: created.id,
        summary: `${kind.name}「${created.title}」を${formatWareki(onDate)}に設定（招集：${listNames(invited, names)}）`,
        details: {
          meetingId: created.id,
          kind: kind.code,
          legalBasis: kind.legal_basis,
          scheduledAt: created.scheduled_at.toISOString(),
          invitedOrganizationIds: invited,
        },
      });
      await audit({
        action: 'meeting.create',
        resourceType: 'meeting',
        resourceId: created.id,
        caseId: kase.id,
        personId: kase.primary_person_id,
        legalBasis: kind.legal_basis,
        details: {
          kind: kind.code,
          scheduledAt: created.scheduled_at.toISOString(),
          invitedOrganizationIds: invited,
          consentIds: [...new Set(coverage.values())],
        },
      });
      return (await visibleMeeting(tx, actor, created.id)).meeting;
    },
  );

  op.get(
    '/api/meetings/:id',
    {
      operationId: 'meetings.get',
      access: { permission: 'case.read' },
      audit: ['meeting.read'],
      summary: '会議（招集・出欠・議題・議事録・決定事項）',
      description:
        '支援会議では、守秘義務の確認をしていない招集機関には requiresAcknowledgement: true を返し、議題・議事録・決定事項を伏せます（null）。',
      params: idParamsSchema,
      response: { 200: meetingSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { row: meeting, meeting: presented } = await visibleMeeting(tx, actor, request.params.id);
      await audit({
        action: 'meeting.read',
        resourceType: 'meeting',
        resourceId: meeting.id,
        caseId: meeting.case_id,
        personId: meeting.primary_person_id,
        legalBasis: meeting.legal_basis,
        details: { withheld: presented.withheld },
      });
      return presented;
    },
  );

  op.post(
    '/api/meetings/:id/acknowledgement',
    {
      operationId: 'meetings.acknowledgeConfidentiality',
      access: { permission: 'case.read' },
      audit: ['meeting.acknowledgeConfidentiality'],
      summary: '招集された機関として守秘義務を確認する',
      params: idParamsSchema,
      response: { 200: meetingSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const meeting = await findVisibleMeeting(tx, actor, request.params.id, { forUpdate: true });
      // Only an invited organisation acknowledges; to anyone else the action does not exist.
      const invitations = meeting ? await invitationsOf(tx, actor.tenantId, meeting.id) : [];
      const mine = invitations.find((i) => i.organization_id === actor.organizationId);
      if (!meeting || !mine) throw notFound();
      const acknowledged = await acknowledgeInvitation(tx, {
        tenantId: actor.tenantId,
        meetingId: meeting.id,
        organizationId: actor.organizationId,
        userId: actor.userId,
      });
      if (!acknowledged) {
        throw conflict(
          'meeting.alreadyAcknowledged',
          'この会議の守秘義務の確認は、あなたの機関ですでに記録されています。',
        );
      }
      const names = await organizationNames(tx, actor.tenantId, [actor.organizationId]);
      await recordOnTimeline(tx, actor, meeting.case_id, {
        kind: 'confidentialityAcknowledged',
        subjectId: meeting.id,
        summary: `${names.get(actor.organizationId) ?? ''}が「${meeting.title}」の守秘義務を確認`,
        details: { meetingId: meeting.id, organizationId: actor.organizationId },
      });
      await audit({
        action: 'meeting.acknowledgeConfidentiality',
        resourceType: 'meeting',
        resourceId: meeting.id,
        caseId: meeting.case_id,
        personId: meeting.primary_person_id,
        legalBasis: meeting.legal_basis,
        details: { organizationId: actor.organizationId },
      });
      return presentMeeting(tx, actor, meeting);
    },
  );

  op.post(
    '/api/meetings/:id/minutes',
    {
      operationId: 'meetings.recordMinutes',
      access: { permission: 'case.coordinate' },
      audit: ['meeting.recordMinutes'],
      summary: '会議の開催（出欠・議事録・決定事項）を記録する',
      description:
        '支援会議では、出席したすべての機関が守秘義務を確認済みであることが必要です（なければ 409 meeting.acknowledgementRequired）。支援会議の開催は事例の段階を「見守り（同意待ち）」へ進めます。',
      params: idParamsSchema,
      body: minutesInputSchema,
      response: { 200: meetingSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const input = request.body;
      const meeting = orNotFound(await findVisibleMeeting(tx, actor, request.params.id, { forUpdate: true }));
      if (!coordinatesCase(actor, meeting)) throw forbidden();

      const invitations = await invitationsOf(tx, actor.tenantId, meeting.id);
      const byOrganization = new Map(invitations.map((i) => [i.organization_id, i]));
      const notInvited = input.attendance.flatMap((row, index) =>
        byOrganization.has(row.organizationId)
          ? []
          : [
              {
                field: `attendance.${index}.organizationId`,
                code: 'notInvited',
                message: 'この会議に招集されていない機関です',
              },
            ],
      );
      if (Date.parse(input.heldAt) > now().getTime() + HELD_AT_TOLERANCE_MS) {
        notInvited.push({
          field: 'heldAt',
          code: 'future',
          message: '開催日時に未来の日時は入力できません',
        });
      }
      refuseFieldErrors('出欠または開催日時の入力に誤りがあります。', notInvited);
      if (meeting.status === 'held') {
        throw conflict('conflict.state', 'この会議の開催はすでに記録されています。');
      }

      const attending = input.attendance.filter((row) => row.attended).map((row) => row.organizationId);
      const names = await organizationNames(
        tx,
        actor.tenantId,
        invitations.map((i) => i.organization_id),
      );
      if (meeting.legal_basis === 'article106_6') {
        const unacknowledged = attending.filter((id) => !byOrganization.get(id)?.acknowledged_at);
        if (unacknowledged.length > 0) {
          throw new HttpProblem(
            409,
            'meeting.acknowledgementRequired',
            `支援会議に出席した機関は守秘義務の確認が必要です。次の機関が確認していません：${listNames(unacknowledged, names)}。`,
            unacknowledged.map((id) => ({
              field: `attendance.${input.attendance.findIndex((row) => row.organizationId === id)}.organizationId`,
              code: 'acknowledgementMissing',
              message: `${names.get(id) ?? id}は守秘義務の確認をしていません`,
            })),
          );
        }
      }

      const kase = await visibleCase(meeting.case_id, { forUpdate: true });
      if (meeting.legal_basis === 'article106_6') {
        await advanceCase(tx, actor, kase, 'holdSupportMeeting');
      } else {
        await touchCase(tx, kase);
      }
      await recordMinutes(tx, { tenantId: actor.tenantId, meetingId: meeting.id, input });
      await recordOnTimeline(tx, actor, kase.id, {
        kind: 'meetingHeld',
        subjectId: meeting.id,
        summary: `${meeting.kind_name}「${meeting.title}」を${formatWareki(input.heldAt)}に開催（出席：${attending.length > 0 ? listNames(attending, names) : 'なし'}）`,
        details: {
          meetingId: meeting.id,
          heldAt: new Date(input.heldAt).toISOString(),
          attendedOrganizationIds: attending,
        },
      });
      await audit({
        action: 'meeting.recordMinutes',
        resourceType: 'meeting',
        resourceId: meeting.id,
        caseId: kase.id,
        personId: kase.primary_person_id,
        legalBasis: meeting.legal_basis,
        details: { heldAt: new Date(input.heldAt).toISOString(), attendedOrganizationIds: attending },
      });
      return (await visibleMeeting(tx, actor, meeting.id)).meeting;
    },
  );
}
