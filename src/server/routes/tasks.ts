import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { problemSchema } from '../../contract/problem.ts';
import { type Task, type TaskKind, taskKinds, taskListSchema } from '../../contract/tasks.ts';
import { listMyReportDueItems, reportScheduleOf } from '../../db/plans.ts';
import type { DB } from '../../db/schema.ts';
import { invitedMeetings, monitoringDueCases, pendingHandovers, pendingReferrals } from '../../db/tasks.ts';
import { addBusinessDays, daysBetween } from '../../domain/businessDays.ts';
import { dueDateOf, isOverdue, reportStatus } from '../../domain/dueDates.ts';
import { startOfTokyoDay } from '../../domain/time.ts';
import { toIsoDate } from '../../domain/wareki.ts';
import { operations } from '../operation.ts';
import { tokyoToday } from './plans.ts';

/** A handover or referral should be accepted or answered within this many business days of arrival. */
export const DECISION_BUSINESS_DAYS = 5;
/** Monitoring and reports show as tasks from this many business days before they are due. */
export const MONITORING_NOTICE_BUSINESS_DAYS = 5;

function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

const noAbilities = { decide: false, acknowledge: false, report: false, monitor: false };

/** A handover or referral waiting for my organisation's decision (the two lists share their columns). */
type PendingDecisionRow = Awaited<ReturnType<typeof pendingReferrals>>[number];

export function taskRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, {
    tags: ['tasks'],
    problems: { 401: problemSchema, 403: problemSchema, 404: problemSchema },
  });

  op.get(
    '/api/tasks',
    {
      operationId: 'tasks.list',
      access: { permission: 'task.read' },
      audit: ['task.list'],
      summary: 'My tasks: what my organisation has waiting, with business-day due dates',
      response: { 200: taskListSchema },
    },
    async ({ actor, tx, audit }) => {
      const can = (permission: Parameters<typeof actor.permissions.has>[0]) =>
        actor.permissions.has(permission);
      const today = tokyoToday();
      const startOfToday = startOfTokyoDay(today);
      const tasks: Task[] = [];
      const task = (
        fields: Omit<Task, 'id' | 'overdue' | 'abilities' | 'dueOn' | 'nominalDueOn'> & {
          rawDueOn: string;
          abilities?: Partial<Task['abilities']>;
        },
      ) => {
        const { rawDueOn, abilities, ...rest } = fields;
        const { dueOn, nominalOn } = dueDateOf(rawDueOn);
        tasks.push({
          ...rest,
          id: `${fields.kind}:${fields.subjectId}`,
          dueOn,
          nominalDueOn: nominalOn,
          overdue: isOverdue(dueOn, today),
          abilities: { ...noAbilities, ...abilities },
        });
      };

      // A handover or referral sent to my organisation waits for its decision on the consultation.
      const decisionTask = (kind: 'handover' | 'referral', what: string, pending: PendingDecisionRow) => {
        const receivedOn = toIsoDate(pending.created_at);
        task({
          kind,
          subjectId: pending.id,
          title: `${what}：${pending.family_name} ${pending.given_name}さん（${pending.from_name}から）`,
          rawDueOn: addBusinessDays(receivedOn, DECISION_BUSINESS_DAYS),
          daysWaiting: daysBetween(receivedOn, today),
          link: { type: 'consultation', id: pending.consultation_id },
          caseId: null,
          caseNumber: null,
          abilities: { decide: true },
        });
      };
      if (can('handover.decide')) {
        for (const handover of await pendingHandovers(tx, actor)) {
          decisionTask('handover', '引継ぎ依頼の受理判断', handover);
        }
      }
      if (can('referral.decide')) {
        for (const referral of await pendingReferrals(tx, actor)) {
          decisionTask('referral', 'つなぎの受付判断', referral);
        }
      }
      for (const meeting of await invitedMeetings(tx, actor, startOfToday)) {
        const meetingOn = toIsoDate(meeting.scheduled_at);
        const unacknowledged = meeting.legal_basis === 'article106_6' && meeting.acknowledged_at === null;
        task({
          kind: 'meeting',
          subjectId: meeting.id,
          title: unacknowledged
            ? `守秘義務の確認：${meeting.title}（${meeting.kind_name}・${monthDay(meetingOn)}）`
            : `会議への出席：${meeting.title}（${meeting.kind_name}・${monthDay(meetingOn)}）`,
          rawDueOn: meetingOn,
          daysWaiting: null,
          link: { type: 'meeting', id: meeting.id },
          caseId: meeting.case_visible ? meeting.case_id : null,
          caseNumber: meeting.case_visible ? meeting.case_number : null,
          abilities: { acknowledge: unacknowledged },
        });
      }
      // Reports and monitoring show from this many business days before they are due.
      const horizon = addBusinessDays(today, MONITORING_NOTICE_BUSINESS_DAYS);
      if (can('supportReport.create')) {
        for (const item of await listMyReportDueItems(tx, actor, today, horizon)) {
          const schedule = reportScheduleOf(item, today);
          const { due } = reportStatus(schedule, today);
          if (due.dueOn > horizon) continue;
          task({
            kind: 'reportDue',
            subjectId: item.id,
            title: `支援報告：${item.case_number} ${item.family_name} ${item.given_name}さん「${item.content}」`,
            rawDueOn: due.nominalOn,
            daysWaiting: null,
            link: { type: 'case', id: item.case_id },
            caseId: item.case_id,
            caseNumber: item.case_number,
            abilities: { report: true },
          });
        }
      }
      if (can('case.coordinate')) {
        // Any date before the next business day after the horizon moves back to the horizon or earlier.
        const before = addBusinessDays(today, MONITORING_NOTICE_BUSINESS_DAYS + 1);
        for (const kase of await monitoringDueCases(tx, actor, before)) {
          const { dueOn } = dueDateOf(kase.next_monitoring_on as string);
          if (dueOn > horizon) continue;
          task({
            kind: 'monitoringDue',
            subjectId: kase.id,
            title: `モニタリング：${kase.case_number} ${kase.family_name} ${kase.given_name}さん`,
            rawDueOn: kase.next_monitoring_on as string,
            daysWaiting: null,
            link: { type: 'case', id: kase.id },
            caseId: kase.id,
            caseNumber: kase.case_number,
            abilities: { monitor: true },
          });
        }
      }

      const kindOrder = (kind: TaskKind) => taskKinds.indexOf(kind);
      tasks.sort((a, b) =>
        a.dueOn !== b.dueOn ? (a.dueOn < b.dueOn ? -1 : 1) : kindOrder(a.kind) - kindOrder(b.kind),
      );
      await audit({
        action: 'task.list',
        resourceType: 'task',
        details: Object.fromEntries(
          taskKinds.map((kind) => [kind, tasks.filter((t) => t.kind === kind).map((t) => t.subjectId)]),
        ),
      });
      return { items: tasks, today };
    },
  );
}
