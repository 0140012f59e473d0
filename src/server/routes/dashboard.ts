import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import {
  type Dashboard,
  type DashboardMeeting,
  dashboardQuerySchema,
  dashboardSchema,
  meetingCalendarQuerySchema,
  meetingCalendarSchema,
} from '../../contract/dashboard.ts';
import { handoverStatuses } from '../../contract/handovers.ts';
import {
  type CalendarMeetingRow,
  countAuditEvents,
  countCases,
  meetingsBetween,
  overdueOutreach,
  progressBySection,
  reportsOverdueByOrganization,
  sentByStatus,
  visibleCaseCounts,
} from '../../db/dashboard.ts';
import { listMyReportDueItems, reportScheduleOf } from '../../db/plans.ts';
import { planForEachExecution } from '../../db/preparedStatements.ts';
import { findCurrentPlan } from '../../db/recidivismPlan.ts';
import type { DB } from '../../db/schema.ts';
import { invitedMeetings, pendingHandovers, pendingReferrals } from '../../db/tasks.ts';
import { daysBetween } from '../../domain/businessDays.ts';
import { addCalendarDays, DEFAULT_NO_CONTACT_DAYS } from '../../domain/caseSearch.ts';
import { caseStageLabels, openCaseFigures } from '../../domain/caseStage.ts';
import { now, today as todayInTokyo } from '../../domain/clock.ts';
import { termNoticeCutoff, termStanding } from '../../domain/councilTerms.ts';
import { reportStatus } from '../../domain/dueDates.ts';
import { fiscalYearOf, formatFiscalYear } from '../../domain/fiscalYear.ts';
import { startOfTokyoDay } from '../../domain/time.ts';
import { toIsoDate } from '../../domain/wareki.ts';
import { operations } from '../operation.ts';

const handoverStatusLabels: Record<(typeof handoverStatuses)[number], string> = {
  pending: '受理待ち',
  accepted: '受理',
  returned: '差戻し',
};
const referralStatusLabels: Record<string, string> = {
  pending: '回答待ち',
  accepted: '受入れ',
  declined: 'お断り',
};

/** The auditor's home counts the events of this many days up to today. */
const AUDITOR_DAYS = 7;

function presentMeeting(m: CalendarMeetingRow): DashboardMeeting {
  return {
    id: m.id,
    caseId: m.case_id,
    caseNumber: m.case_number,
    title: m.title,
    kindName: m.kind_name,
    legalBasis: m.legal_basis,
    scheduledAt: m.scheduled_at.toISOString(),
    status: m.status,
    caseVisible: Boolean(m.case_visible),
  };
}

export function dashboardRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['dashboard'] });

  op.get(
    '/api/dashboard',
    {
      operationId: 'dashboard.get',
      access: 'signedIn',
      audit: ['dashboard.read'],
      summary: 'ホーム画面の数値（ロールごと。各数値は絞り込んだ一覧へのリンクの条件と同じ）',
      description:
        '重層事業担当：段階別の対応中事例、受理待ちの引継ぎと待ち日数、モニタリング期限（超過・7日以内）、' +
        '機関別の支援報告期限超過、担当職員なし、N日以上記録なし、14日以内の会議。相談支援機関：報告期限の' +
        'プラン項目、つなぎの回答待ち、送ったつなぎ・引継ぎの状態、招かれた会議。計画担当：今年度の進捗入力' +
        '状況（担当課別）、任期が90日以内に終わる・終わった委員、未回答の意見。監査担当：直近7日間の要配慮' +
        '個人情報の閲覧、拒否されたアクセス、出力、印刷。',
      querystring: dashboardQuerySchema,
      response: { 200: dashboardSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const can = (p: Parameters<typeof actor.permissions.has>[0]) => actor.permissions.has(p);
      const today = todayInTokyo();
      const noContactDays = request.query.noContactDays ?? DEFAULT_NO_CONTACT_DAYS;
      await planForEachExecution(tx, { workers: false });
      const personIds: string[] = [];
      const caseIds: string[] = [];
      const dashboard: Dashboard = {
        today,
        coordinator: null,
        caseworker: null,
        planOfficer: null,
        auditor: null,
      };

      if (can('case.coordinate')) {
        // the open cases by stage and those with no worker from the tallies the writes keep; the
        // date-based figures, which change with the day, in one read of the cases that match them
        const figures = openCaseFigures(await visibleCaseCounts(tx, actor));
        const [monitoringOverdue, monitoringDueSoon, noContact] = await countCases(
          tx,
          actor,
          [{ monitoring: 'overdue' }, { monitoring: 'dueSoon' }, { noContactDays }],
          today,
        );
        const handovers = await pendingHandovers(tx, actor);
        const meetings = await meetingsBetween(tx, actor, now(), startOfTokyoDay(addCalendarDays(today, 15)));
        const outreach = await overdueOutreach(tx, actor, today);
        dashboard.coordinator = {
          openByStage: figures.byStage.map(({ stage, count }) => ({
            stage,
            label: caseStageLabels[stage],
            count,
          })),
          openTotal: figures.total,
          handoversWaiting: handovers.map((h) => {
            const receivedOn = toIsoDate(h.created_at);
            return {
              id: h.id,
              consultationId: h.consultation_id,
              personName: `${h.family_name} ${h.given_name}`,
              fromOrganization: h.from_name,
              receivedOn,
              daysWaiting: daysBetween(receivedOn, today),
            };
          }),
          monitoringOverdue: monitoringOverdue ?? 0,
          monitoringDueSoon: monitoringDueSoon ?? 0,
          reportsOverdue: (await reportsOverdueByOrganization(tx, actor, today)).map((row) => ({
            organization: { id: row.organization_id, name: row.organization_name },
            count: row.n,
          })),
          unassigned: figures.unassigned,
          noContact: { days: noContactDays, count: noContact ?? 0 },
          meetingsNext14Days: meetings.map(presentMeeting),
          outreachOverdue: outreach.map((o) => ({
            contactId: o.id,
            caseId: o.case_id,
            caseNumber: o.case_number,
            consultationId: o.consultation_id,
            personName: `${o.family_name} ${o.given_name}`,
            lastAttemptOn: o.attempted_on,
            nextAttemptOn: o.next_attempt_on,
            daysOverdue: daysBetween(o.next_attempt_on, today),
          })),
        };
        personIds.push(...outreach.map((o) => o.person_id));
        caseIds.push(...meetings.map((m) => m.case_id));
        personIds.push(...handovers.map((h) => h.person_id));
      } else if (can('task.read')) {
        const invited = await invitedMeetings(tx, actor, startOfTokyoDay(today));
        const referrals = await sentByStatus(tx, actor, 'referrals');
        const sentHandovers = await sentByStatus(tx, actor, 'handovers');
        dashboard.caseworker = {
          planItemsDue: (await listMyReportDueItems(tx, actor, today, today)).filter(
            (item) => reportStatus(reportScheduleOf(item, today), today).needed,
          ).length,
          referralsWaiting: (await pendingReferrals(tx, actor)).length,
          sentReferrals: ['pending', 'accepted', 'declined'].map((status) => ({
            status,
            label: referralStatusLabels[status] ?? status,
            count: referrals.get(status) ?? 0,
          })),
          sentHandovers: handoverStatuses.map((status) => ({
            status,
            label: handoverStatusLabels[status],
            count: sentHandovers.get(status) ?? 0,
          })),
          meetingsInvited: invited.map((m) =>
            presentMeeting({ ...m, case_visible: Boolean(m.case_visible) } as CalendarMeetingRow),
          ),
        };
        caseIds.push(...invited.map((m) => m.case_id));
      }

      if (can('plan.manage')) {
        const plan = await findCurrentPlan(tx, actor.tenantId);
        const fiscalYear = fiscalYearOf(today);
        if (plan) {
          const sections = await progressBySection(tx, actor.tenantId, plan.id, fiscalYear);
          const lock = await tx
            .selectFrom('progress_year_locks')
            .select('fiscal_year')
            .where('tenant_id', '=', actor.tenantId)
            .where('plan_id', '=', plan.id)
            .where('fiscal_year', '=', fiscalYear)
            .executeTakeFirst();
          const terms = await tx
            .selectFrom('council_members as cm')
            .innerJoin('organizations as o', 'o.id', 'cm.organization_id')
            .select(['cm.id', 'cm.representative', 'cm.term_to', 'o.id as organization_id', 'o.name'])
            .where('cm.tenant_id', '=', actor.tenantId)
            .where('cm.term_to', 'is not', null)
            .where('cm.term_to', '<=', termNoticeCutoff(today))
            .orderBy('cm.term_to')
            .execute();
          const unanswered = await tx
            .selectFrom('opinions')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('tenant_id', '=', actor.tenantId)
            .where('answer', 'is', null)
            .executeTakeFirstOrThrow();
          dashboard.planOfficer = {
            fiscalYear,
            fiscalYearLabel: formatFiscalYear(fiscalYear),
            locked: lock !== undefined,
            progressBySection: sections.map((s) => ({
              section: { id: s.id, name: s.name },
              programmes: s.programmes,
              entered: s.entered,
              notYet: s.programmes - s.entered,
            })),
            councilTerms: terms.map((t) => ({
              id: t.id,
              organization: { id: t.organization_id, name: t.name },
              representative: t.representative,
              termTo: String(t.term_to),
              ended: termStanding(String(t.term_to), today).status === 'ended',
            })),
            opinionsUnanswered: Number(unanswered.n),
          };
        }
      }

      if (can('audit.read')) {
        const since = addCalendarDays(today, -(AUDITOR_DAYS - 1));
        const from = startOfTokyoDay(since);
        dashboard.auditor = {
          since,
          sensitiveReveals: await countAuditEvents(tx, actor.tenantId, ['sensitiveFact.reveal'], from),
          deniedAccesses: await countAuditEvents(tx, actor.tenantId, ['access.denied'], from),
          exports: await countAuditEvents(
            tx,
            actor.tenantId,
            ['export', 'auditEvent.export', 'person.disclosureExport'],
            from,
          ),
          prints: await countAuditEvents(tx, actor.tenantId, ['print'], from),
        };
      }

      await audit({
        action: 'dashboard.read',
        resourceType: 'dashboard',
        details: {
          ...(personIds.length ? { personIds: [...new Set(personIds)] } : {}),
          ...(caseIds.length ? { caseIds: [...new Set(caseIds)] } : {}),
          noContactDays,
        },
      });
      return dashboard;
    },
  );

  op.get(
    '/api/meetings/calendar',
    {
      operationId: 'meetings.calendar',
      tags: ['meetings'],
      access: { permission: 'case.read' },
      audit: ['meeting.calendar'],
      summary: '会議カレンダー：期間（62日以内）に予定された、自機関が見られる会議',
      querystring: meetingCalendarQuerySchema,
      response: { 200: meetingCalendarSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { from, to } = request.query;
      const rows = await meetingsBetween(
        tx,
        actor,
        startOfTokyoDay(from),
        startOfTokyoDay(addCalendarDays(to, 1)),
      );
      await audit({
        action: 'meeting.calendar',
        resourceType: 'meeting',
        details: {
          from,
          to,
          meetingIds: rows.map((m) => m.id),
          caseIds: [...new Set(rows.map((m) => m.case_id))],
        },
      });
      return { from, to, items: rows.map(presentMeeting) };
    },
  );
}
