import { z } from 'zod';
import { caseStages } from '../domain/caseStage.ts';
import { calendarDate } from './calendarDate.ts';
import { noContactDaysSchema } from './caseFilter.ts';
import { namedRefSchema } from './common.ts';
import { fiscalYearFields } from './recidivismPlan.ts';

/**
 * The signed-in user's home (dashboard.get): for each role the user holds, what it must act on.
 * Every figure has a filter the web app links to (事例一覧 with the same filter as the count, the
 * handover inbox, my plan items, the progress page, the council, the audit log), so a figure and
 * the list behind it always agree.
 */
export const dashboardQuerySchema = z.object({
  noContactDays: noContactDaysSchema.describe('「N日以上記録なし」の N（既定 30）'),
});

export const dashboardMeetingSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  title: z.string(),
  kindName: z.string(),
  legalBasis: z.enum(['article106_6', 'consent']),
  scheduledAt: z.string(),
  status: z.enum(['scheduled', 'held']),
  /** Whether the caller may open the case (a 支援会議 invitee sees the meeting only). */
  caseVisible: z.boolean(),
});
export type DashboardMeeting = z.infer<typeof dashboardMeetingSchema>;

export const coordinatorHomeSchema = z.object({
  openByStage: z.array(z.object({ stage: z.enum(caseStages), label: z.string(), count: z.number().int() })),
  openTotal: z.number().int(),
  handoversWaiting: z.array(
    z.object({
      id: z.uuid(),
      consultationId: z.uuid(),
      personName: z.string(),
      fromOrganization: z.string(),
      receivedOn: z.string(),
      daysWaiting: z.number().int(),
    }),
  ),
  monitoringOverdue: z.number().int(),
  monitoringDueSoon: z.number().int(),
  reportsOverdue: z.array(z.object({ organization: namedRefSchema, count: z.number().int() })),
  unassigned: z.number().int(),
  noContact: z.object({ days: z.number().int(), count: z.number().int() }),
  meetingsNext14Days: z.array(dashboardMeetingSchema),
  /** アウトリーチ: per person reached, the latest attempt whose next attempt's date has passed (outreachContacts.list?overdue=true) */
  outreachOverdue: z.array(
    z.object({
      contactId: z.uuid(),
      caseId: z.uuid().nullable(),
      caseNumber: z.string().nullable(),
      consultationId: z.uuid().nullable(),
      personName: z.string(),
      lastAttemptOn: z.string(),
      nextAttemptOn: z.string(),
      daysOverdue: z.number().int(),
    }),
  ),
});

export const caseworkerHomeSchema = z.object({
  planItemsDue: z.number().int(),
  referralsWaiting: z.number().int(),
  sentReferrals: z.array(z.object({ status: z.string(), label: z.string(), count: z.number().int() })),
  sentHandovers: z.array(z.object({ status: z.string(), label: z.string(), count: z.number().int() })),
  meetingsInvited: z.array(dashboardMeetingSchema),
});

export const planOfficerHomeSchema = z.object({
  ...fiscalYearFields,
  locked: z.boolean(),
  progressBySection: z.array(
    z.object({
      section: namedRefSchema,
      programmes: z.number().int(),
      entered: z.number().int(),
      notYet: z.number().int(),
    }),
  ),
  councilTerms: z.array(
    z.object({
      id: z.uuid(),
      organization: namedRefSchema,
      representative: z.string(),
      termTo: z.string(),
      ended: z.boolean(),
    }),
  ),
  opinionsUnanswered: z.number().int(),
});

export const auditorHomeSchema = z.object({
  since: z.string().describe('the first day counted (7 days up to today)'),
  sensitiveReveals: z.number().int(),
  deniedAccesses: z.number().int(),
  exports: z.number().int(),
  prints: z.number().int(),
});

export const dashboardSchema = z
  .object({
    today: z.string(),
    coordinator: coordinatorHomeSchema.nullable(),
    caseworker: caseworkerHomeSchema.nullable(),
    planOfficer: planOfficerHomeSchema.nullable(),
    auditor: auditorHomeSchema.nullable(),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof dashboardSchema>;

/** meetings.calendar: the meetings I may see between two dates (a week or a month). */
export const meetingCalendarQuerySchema = z
  .object({
    from: calendarDate('開始日'),
    to: calendarDate('終了日'),
  })
  .refine((q) => q.from <= q.to, { message: '終了日は開始日以降にしてください', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, {
    message: '期間は62日以内にしてください',
    path: ['to'],
  });

export const meetingCalendarSchema = z
  .object({ from: z.string(), to: z.string(), items: z.array(dashboardMeetingSchema) })
  .meta({ id: 'MeetingCalendar' });
