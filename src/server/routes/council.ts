import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { idParamsSchema } from '../../contract/common.ts';
import {
  type CouncilMeeting,
  type CouncilPaper,
  councilMeetingInputSchema,
  councilMeetingListSchema,
  councilMeetingSchema,
  councilMemberListSchema,
  councilPaperQuerySchema,
  councilPaperSchema,
  type Opinion,
  opinionAnswerSchema,
  opinionInputSchema,
  opinionListQuerySchema,
  opinionListSchema,
  opinionSchema,
} from '../../contract/council.ts';
import type { Executor } from '../../db/executor.ts';
import { listChallenges, loadProgrammes } from '../../db/recidivismPlan.ts';
import { cooperatingEmployerCounts } from '../../db/resourceCounts.ts';
import type { DB } from '../../db/schema.ts';
import { now } from '../../domain/clock.ts';
import { fiscalYearRange, formatFiscalYear } from '../../domain/fiscalYear.ts';
import { councilMeetingAbilities, mayAnswerOpinion, opinionRefusal } from '../../domain/policy/council.ts';
import { automaticIndicatorsOf } from '../../domain/resources/automaticIndicators.ts';
import { formatDateWithWareki } from '../../domain/wareki.ts';
import type { Actor } from '../actor.ts';
import { renderDocument, type TableDocument, tableSection } from '../documents.ts';
import { sendDownload } from '../download.ts';
import { exportRateLimit } from '../exportRateLimit.ts';
import { operations, readErrors } from '../operation.ts';
import { enforce, type FieldError, orNotFound, refuseFieldErrors, unknownEntries } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';
import { findYearLock, loadProgress } from './programmeProgress.ts';
import { programmesUnder, requirePlan } from './recidivismPlan.ts';

/** The 刑事司法 issue codes of an assessment that mark a case as one of 犯罪をした者等. */
export const offenceIssueCodes = [
  'offenceHistory',
  'onProbation',
  'dueForRelease',
  'suspectDefendant',
] as const;

/** Counts leave the casework side only in aggregate, and under 5 not even as a number. */
export function suppress(count: number): number | '5未満' {
  return count < 5 ? '5未満' : count;
}

async function loadMeetings(db: Executor, tenantId: string, ids?: string[]) {
  let query = db.selectFrom('council_meetings').selectAll().where('tenant_id', '=', tenantId);
  if (ids) query = query.where('id', 'in', ids);
  const meetings = await query.orderBy('held_at', 'desc').orderBy('id').execute();
  if (meetings.length === 0) return [];
  const attendees = await db
    .selectFrom('council_meeting_attendees as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select(['a.meeting_id', 'a.organization_id', 'o.name', 'a.attendee_name', 'a.is_deputy'])
    .where(
      'a.meeting_id',
      'in',
      meetings.map((m) => m.id),
    )
    .orderBy('o.name')
    .execute();
  const files = await db
    .selectFrom('council_meeting_attachments as f')
    .innerJoin('users as u', 'u.id', 'f.uploaded_by')
    .select([
      'f.id',
      'f.meeting_id',
      'f.file_name',
      'f.media_type',
      'f.size_bytes',
      'f.created_at',
      'f.uploaded_by',
      'u.display_name',
    ])
    .where(
      'f.meeting_id',
      'in',
      meetings.map((m) => m.id),
    )
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
  return meetings.map((m) => ({
    attachments: files
      .filter((f) => f.meeting_id === m.id)
      .map((f) => ({
        id: f.id,
        fileName: f.file_name,
        mediaType: f.media_type,
        sizeBytes: f.size_bytes,
        uploadedBy: { id: f.uploaded_by, displayName: f.display_name },
        uploadedAt: f.created_at.toISOString(),
      })),
    meeting: m,
    attendees: attendees
      .filter((a) => a.meeting_id === m.id)
      .map((a) => ({
        organization: { id: a.organization_id, name: a.name },
        attendeeName: a.attendee_name,
        isDeputy: a.is_deputy,
      })),
  }));
}

/** One council meeting of the municipality with its attendees and materials, or 404. */
async function loadMeeting(db: Executor, tenantId: string, id: string) {
  const [loaded] = await loadMeetings(db, tenantId, [id]);
  return orNotFound(loaded);
}

function presentMeeting(
  loaded: Awaited<ReturnType<typeof loadMeetings>>[number],
  actor: Actor,
): CouncilMeeting {
  const m = loaded.meeting;
  return {
    id: m.id,
    heldAt: m.held_at.toISOString(),
    place: m.place,
    isOpen: m.is_open,
    observersCount: m.observers_count,
    observersNote: m.observers_note,
    agenda: m.agenda,
    minutes: m.minutes,
    attendees: loaded.attendees,
    attachments: loaded.attachments,
    abilities: councilMeetingAbilities(actor),
  };
}

async function loadOpinions(
  db: Executor,
  tenantId: string,
  filter: { ids?: string[]; meetingId?: string | undefined },
) {
  let query = db
    .selectFrom('opinions as op')
    .innerJoin('organizations as o', 'o.id', 'op.organization_id')
    .leftJoin('challenges as c', 'c.id', 'op.challenge_id')
    .leftJoin('programmes as p', 'p.id', 'op.programme_id')
    .leftJoin('users as u', 'u.id', 'op.answered_by')
    .selectAll('op')
    .select([
      'o.name as organization_name',
      'c.position as challenge_position',
      'c.title as challenge_title',
      'p.name as programme_name',
      'u.display_name as answered_by_name',
    ])
    .where('op.tenant_id', '=', tenantId);
  if (filter.ids) query = query.where('op.id', 'in', filter.ids);
  if (filter.meetingId) query = query.where('op.meeting_id', '=', filter.meetingId);
  return query.orderBy('op.created_at', 'desc').orderBy('op.id').execute();
}

/** One opinion of the municipality with its names, or 404. */
async function loadOpinion(db: Executor, tenantId: string, id: string) {
  const [row] = await loadOpinions(db, tenantId, { ids: [id] });
  return orNotFound(row);
}

function presentOpinion(row: Awaited<ReturnType<typeof loadOpinions>>[number], actor: Actor): Opinion {
  return {
    id: row.id,
    organization: { id: row.organization_id, name: row.organization_name },
    meetingId: row.meeting_id,
    content: row.content,
    challenge:
      row.challenge_id && row.challenge_position !== null && row.challenge_title !== null
        ? { id: row.challenge_id, position: row.challenge_position, title: row.challenge_title }
        : null,
    programme:
      row.programme_id && row.programme_name ? { id: row.programme_id, name: row.programme_name } : null,
    answer: row.answer,
    answeredBy:
      row.answered_by && row.answered_by_name
        ? { id: row.answered_by, displayName: row.answered_by_name }
        : null,
    answeredAt: row.answered_at?.toISOString() ?? null,
    followUpStatus: row.follow_up_status,
    createdAt: row.created_at.toISOString(),
    abilities: { answer: mayAnswerOpinion(actor) },
  };
}

/**
 * Casework figures for the council: counted in SQL over the case tables, never a person-level
 * row, and suppressed under 5. A case counts when it carries the 犯罪をした者等 marker (an `offence`
 * sensitive fact attached to it) or its latest assessment carries a 刑事司法 issue code, and it was
 * open at some time in the 年度. Only the count leaves: the marker itself stays with the granted.
 */
async function caseworkFigures(db: Executor, tenantId: string, fiscalYear: number) {
  const { start, end } = fiscalYearRange(fiscalYear);
  const from = `${start}T00:00:00+09:00`;
  const until = `${fiscalYearRange(fiscalYear + 1).start}T00:00:00+09:00`;
  const codes = sql`ARRAY[${sql.join(offenceIssueCodes.map((c) => sql`${c}`))}]::text[]`;
  const result = await sql<{ people: string; closures: string; plans: string }>`
    WITH latest AS (
      SELECT DISTINCT ON (case_id) case_id, issues FROM assessments
      WHERE tenant_id = ${tenantId} ORDER BY case_id, version DESC
    ), marked AS (
      SELECT c.id, c.stage, c.closed_on FROM cases c LEFT JOIN latest a ON a.case_id = c.id
      WHERE c.tenant_id = ${tenantId}
        AND (EXISTS (SELECT 1 FROM sensitive_facts sf
                     WHERE sf.case_id = c.id AND sf.kind = 'offence' AND sf.tenant_id = ${tenantId})
             OR a.issues && ${codes})
        AND c.accepted_on <= ${end}::date AND (c.closed_on IS NULL OR c.closed_on >= ${start}::date)
    )
    SELECT
      (SELECT count(DISTINCT cp.person_id) FROM case_persons cp JOIN marked m ON m.id = cp.case_id
        WHERE cp.is_target) AS people,
      (SELECT count(*) FROM marked WHERE stage = 'closed' AND closed_on BETWEEN ${start}::date AND ${end}::date) AS closures,
      (SELECT count(DISTINCT sp.id) FROM support_plans sp JOIN marked m ON m.id = sp.case_id
        WHERE sp.approved_at >= ${from}::timestamptz AND sp.approved_at < ${until}::timestamptz
          AND EXISTS (SELECT 1 FROM plan_items pi WHERE pi.plan_id = sp.id AND pi.programme_id IS NOT NULL)) AS plans
  `.execute(db);
  const row = result.rows[0] ?? { people: '0', closures: '0', plans: '0' };
  return {
    peopleSupported: suppress(Number(row.people)),
    closures: suppress(Number(row.closures)),
    plansUsingProgrammes: suppress(Number(row.plans)),
  };
}

/** Per programme: support plans approved in the 年度 with an item naming it (all cases, in aggregate). */
async function programmeUse(
  db: Executor,
  tenantId: string,
  fiscalYear: number,
): Promise<Map<string, number>> {
  const from = `${fiscalYearRange(fiscalYear).start}T00:00:00+09:00`;
  const until = `${fiscalYearRange(fiscalYear + 1).start}T00:00:00+09:00`;
  const rows = await db
    .selectFrom('plan_items as pi')
    .innerJoin('support_plans as sp', 'sp.id', 'pi.plan_id')
    .select(['pi.programme_id'])
    .select((eb) => eb.fn.count<string>('sp.id').distinct().as('plans'))
    .where('pi.tenant_id', '=', tenantId)
    .where('pi.programme_id', 'is not', null)
    .where('sp.approved_at', '>=', new Date(from))
    .where('sp.approved_at', '<', new Date(until))
    .groupBy('pi.programme_id')
    .execute();
  return new Map(rows.map((r) => [r.programme_id as string, Number(r.plans)]));
}

async function buildPaper(
  db: Executor,
  tenantId: string,
  meetingId: string,
  fiscalYear: number,
): Promise<CouncilPaper> {
  const loaded = await loadMeeting(db, tenantId, meetingId);
  const plan = await requirePlan(db, tenantId);
  const challenges = await listChallenges(db, tenantId, plan.id);
  const programmes = await loadProgrammes(db, tenantId, plan.id);
  const progress = await loadProgress(
    db,
    tenantId,
    fiscalYear,
    programmes.map((p) => p.id),
  );
  const use = await programmeUse(db, tenantId, fiscalYear);
  const automatic = await cooperatingEmployerCounts(db, tenantId, fiscalYear);
  return {
    meeting: {
      id: loaded.meeting.id,
      heldAt: loaded.meeting.held_at.toISOString(),
      place: loaded.meeting.place,
    },
    fiscalYear,
    fiscalYearLabel: formatFiscalYear(fiscalYear),
    locked: (await findYearLock(db, plan.id, fiscalYear)) !== null,
    challenges: challenges.map((c) => ({
      position: c.position,
      title: c.title,
      programmes: programmesUnder(c.id, programmes).map(({ programme: p, isRepeat }) => {
        const row = progress.get(p.id);
        return {
          name: p.name,
          section: p.responsibleSection.name,
          isRepeat,
          statusText: row?.statusText ?? '',
          result:
            row?.resultValue !== null && row?.resultValue !== undefined
              ? `${row.resultValue}${row.resultUnit ?? ''}`
              : '',
          evaluation: row?.evaluation ? `${row.evaluation.code}（${row.evaluation.label}）` : '',
          issuesDirection: row?.issuesDirection ?? '',
          usedInSupportPlans: suppress(use.get(p.id) ?? 0),
          automaticIndicators: automaticIndicatorsOf(p.name, automatic),
        };
      }),
    })),
    casework: await caseworkFigures(db, tenantId, fiscalYear),
  };
}

function paperDocument(paper: CouncilPaper, planName: string): TableDocument {
  const heldAt = formatDateWithWareki(paper.meeting.heldAt);
  return {
    title: `${planName} ${paper.fiscalYearLabel} 進捗状況`,
    subtitle: [
      `鹿児島市再犯防止推進連絡会議 資料（開催：${heldAt}　${paper.meeting.place}）`,
      paper.locked
        ? `${paper.fiscalYearLabel}の進捗は確定済みです。`
        : `${paper.fiscalYearLabel}の進捗は未確定（集計中）です。`,
    ],
    sections: [
      ...paper.challenges.map((c) =>
        tableSection(`課題(${c.position}) ${c.title}`, c.programmes, [
          { header: '事業名(取組)', width: 22, cell: (p) => (p.isRepeat ? `${p.name}【再掲】` : p.name) },
          { header: '担当課', width: 10, cell: (p) => p.section },
          { header: '実施状況', width: 30, cell: (p) => p.statusText },
          {
            header: '実績値',
            width: 10,
            cell: (p) =>
              [p.result, ...p.automaticIndicators.map((a) => `（自動集計）${a.label}：${a.value}`)]
                .filter(Boolean)
                .join('\n'),
          },
          { header: '評価', width: 12, cell: (p) => p.evaluation },
          { header: '課題・今後の方向性', width: 30, cell: (p) => p.issuesDirection },
          { header: '支援プランでの利用', width: 10, cell: (p) => String(p.usedInSupportPlans) },
        ]),
      ),
      {
        heading: '相談支援（重層的支援体制整備事業）における状況',
        columns: [
          { header: '項目', width: 60 },
          { header: '件数', width: 15 },
        ],
        rows: [
          [
            '支援した犯罪をした者等の人数（刑事司法関係の課題があるもの）',
            String(paper.casework.peopleSupported),
          ],
          ['うち年度内に終結した事例数', String(paper.casework.closures)],
          ['再犯防止関係事業を位置づけた支援プランの数', String(paper.casework.plansUsingProgrammes)],
        ],
      },
    ],
    notes: [
      '件数が5未満の場合は、個人の特定を防ぐため「5未満」と表示しています。',
      '【再掲】は、他の課題に掲載している事業を再び掲載したものです。',
    ],
  };
}

export function councilRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const op = operations(app, db, { tags: ['council'] });

  op.get(
    '/api/council/members',
    {
      operationId: 'councilMembers.list',
      access: { permission: 'council.read' },
      audit: [],
      summary: 'Member organisations of the liaison council with representatives and terms',
      response: { 200: councilMemberListSchema },
    },
    async ({ actor, tx }) => {
      const rows = await tx
        .selectFrom('council_members as m')
        .innerJoin('organizations as o', 'o.id', 'm.organization_id')
        .select([
          'm.id',
          'm.organization_id',
          'o.name',
          'm.representative',
          'm.term_from',
          'm.term_to',
          'o.name_kana',
        ])
        .where('m.tenant_id', '=', actor.tenantId)
        .orderBy('m.sort_order')
        .orderBy('m.id')
        .execute();
      return {
        items: rows.map((m) => ({
          id: m.id,
          organization: { id: m.organization_id, name: m.name },
          representative: m.representative,
          termFrom: m.term_from,
          termTo: m.term_to,
        })),
      };
    },
  );

  op.get(
    '/api/council/meetings',
    {
      operationId: 'councilMeetings.list',
      access: { permission: 'council.read' },
      audit: [],
      summary: 'Council meetings, latest first',
      response: { 200: councilMeetingListSchema },
    },
    async ({ actor, tx }) => {
      return { items: (await loadMeetings(tx, actor.tenantId)).map((m) => presentMeeting(m, actor)) };
    },
  );

  op.post(
    '/api/council/meetings',
    {
      operationId: 'councilMeetings.create',
      access: { permission: 'council.manage' },
      audit: ['councilMeeting.create'],
      summary: 'Record a council meeting: date, place, open or closed, observers, attendees with deputies',
      body: councilMeetingInputSchema,
      response: { 201: councilMeetingSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const memberOrgs = new Set(
        (
          await tx
            .selectFrom('council_members')
            .select('organization_id')
            .where('tenant_id', '=', actor.tenantId)
            .execute()
        ).map((m) => m.organization_id),
      );
      // the city (事務局) attends too: any organisation of the tenant may be listed
      const orgs = new Set(
        (
          await tx.selectFrom('organizations').select('id').where('tenant_id', '=', actor.tenantId).execute()
        ).map((o) => o.id),
      );
      refuseFieldErrors(
        '出席者の組織が見つかりません。',
        unknownEntries(input.attendees, {
          isKnown: (a) => orgs.has(a.organizationId) || memberOrgs.has(a.organizationId),
          field: (_, i) => `attendees.${i}.organizationId`,
          message: '指定された組織が見つかりません',
        }),
      );
      const id = randomUUID();
      await tx
        .insertInto('council_meetings')
        .values({
          id,
          tenant_id: actor.tenantId,
          held_at: new Date(input.heldAt),
          place: input.place,
          is_open: input.isOpen,
          observers_count: input.observersCount,
          observers_note: input.observersNote || null,
          agenda: input.agenda,
          minutes: input.minutes,
          created_by: actor.userId,
        })
        .execute();
      if (input.attendees.length) {
        await tx
          .insertInto('council_meeting_attendees')
          .values(
            input.attendees.map((a) => ({
              id: randomUUID(),
              tenant_id: actor.tenantId,
              meeting_id: id,
              organization_id: a.organizationId,
              attendee_name: a.attendeeName,
              is_deputy: a.isDeputy,
            })),
          )
          .execute();
      }
      await audit({
        action: 'councilMeeting.create',
        resourceType: 'councilMeeting',
        resourceId: id,
        details: { after: input },
      });
      return presentMeeting(await loadMeeting(tx, actor.tenantId, id), actor);
    },
  );

  op.get(
    '/api/council/meetings/:id',
    {
      operationId: 'councilMeetings.get',
      access: { permission: 'council.read' },
      audit: [],
      summary: 'One council meeting with attendees, agenda and minutes',
      params: idParamsSchema,
      response: { 200: councilMeetingSchema },
    },
    async ({ request, actor, tx }) => {
      return presentMeeting(await loadMeeting(tx, actor.tenantId, request.params.id), actor);
    },
  );

  r.get(
    '/api/council/meetings/:id/paper',
    {
      config: { access: { permission: 'council.read' }, audit: ['export'] },
      preHandler: exportRateLimit,
      schema: {
        operationId: 'councilMeetings.paper',
        summary:
          'The meeting’s paper for a 年度: progress by challenge and casework figures (under 5 suppressed); JSON, CSV, xlsx or PDF',
        tags: ['council'],
        params: idParamsSchema,
        querystring: councilPaperQuerySchema,
        response: { 200: z.union([councilPaperSchema, z.any()]), ...readErrors },
      },
    },
    async (request, reply) => {
      const { fiscalYear, format, encoding } = request.query;
      const { paper, planName } = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const built = await buildPaper(tx, actor.tenantId, request.params.id, fiscalYear);
        const plan = await requirePlan(tx, actor.tenantId);
        await audit({
          action: 'export',
          resourceType: 'councilPaper',
          resourceId: request.params.id,
          details: { fiscalYear, format, encoding: encoding ?? 'utf-8' },
        });
        return { paper: built, planName: plan.name };
      });
      if (format === 'json') return paper;
      const rendered = await renderDocument(
        paperDocument(paper, planName),
        format,
        `再犯防止推進連絡会議資料_${paper.fiscalYearLabel}`,
        encoding,
      );
      return sendDownload(reply, rendered);
    },
  );

  op.get(
    '/api/council/opinions',
    {
      operationId: 'opinions.list',
      access: { permission: 'council.read' },
      audit: [],
      summary: 'Opinions of member organisations with the city’s answers and follow-up status',
      querystring: opinionListQuerySchema,
      response: { 200: opinionListSchema },
    },
    async ({ request, actor, tx }) => {
      const rows = await loadOpinions(tx, actor.tenantId, { meetingId: request.query.meetingId });
      return { items: rows.map((row) => presentOpinion(row, actor)) };
    },
  );

  op.post(
    '/api/council/opinions',
    {
      operationId: 'opinions.create',
      access: { permission: 'council.opinion' },
      audit: ['opinion.create'],
      summary: 'Record an opinion of one’s own member organisation (about a challenge or programme)',
      body: opinionInputSchema,
      response: { 201: opinionSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      // a member speaks only for its own organisation, and only while it sits on the council
      const member = await tx
        .selectFrom('council_members')
        .select('id')
        .where('tenant_id', '=', actor.tenantId)
        .where('organization_id', '=', actor.organizationId)
        .executeTakeFirst();
      enforce(opinionRefusal(actor, input.organizationId, member !== undefined));
      const plan = await requirePlan(tx, actor.tenantId);
      const errors: FieldError[] = [];
      const exists = async (
        table: 'council_meetings' | 'challenges' | 'programmes',
        id: string | undefined,
      ) =>
        !id ||
        (await tx
          .selectFrom(table)
          .select('id')
          .where('tenant_id', '=', actor.tenantId)
          .where('id', '=', id)
          .executeTakeFirst()) !== undefined;
      if (!(await exists('council_meetings', input.meetingId)))
        errors.push({ field: 'meetingId', code: 'unknown', message: '指定された会議が見つかりません' });
      if (!(await exists('challenges', input.challengeId)))
        errors.push({ field: 'challengeId', code: 'unknown', message: '指定された課題が見つかりません' });
      if (!(await exists('programmes', input.programmeId)))
        errors.push({ field: 'programmeId', code: 'unknown', message: '指定された事業が見つかりません' });
      refuseFieldErrors('関連づける対象が見つかりません。', errors);
      const id = randomUUID();
      await tx
        .insertInto('opinions')
        .values({
          id,
          tenant_id: actor.tenantId,
          organization_id: actor.organizationId,
          meeting_id: input.meetingId ?? null,
          content: input.content,
          challenge_id: input.challengeId ?? null,
          programme_id: input.programmeId ?? null,
          created_by: actor.userId,
        })
        .execute();
      await audit({
        action: 'opinion.create',
        resourceType: 'opinion',
        resourceId: id,
        details: { planId: plan.id, after: input },
      });
      return presentOpinion(await loadOpinion(tx, actor.tenantId, id), actor);
    },
  );

  op.post(
    '/api/council/opinions/:id/answer',
    {
      operationId: 'opinions.answer',
      access: { permission: 'council.manage' },
      audit: ['opinion.answer'],
      summary: 'The city’s answer to an opinion, with follow-up status',
      params: idParamsSchema,
      body: opinionAnswerSchema,
      response: { 200: opinionSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const before = await loadOpinion(tx, actor.tenantId, request.params.id);
      await tx
        .updateTable('opinions')
        .set({
          answer: input.answer,
          follow_up_status: input.followUpStatus,
          answered_by: actor.userId,
          answered_at: now(),
        })
        .where('id', '=', before.id)
        .execute();
      await audit({
        action: 'opinion.answer',
        resourceType: 'opinion',
        resourceId: before.id,
        details: {
          before: { answer: before.answer, followUpStatus: before.follow_up_status },
          after: input,
        },
      });
      return presentOpinion(await loadOpinion(tx, actor.tenantId, before.id), actor);
    },
  );
}
