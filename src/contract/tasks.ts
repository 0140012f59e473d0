import { z } from 'zod';

export const taskKinds = ['handover', 'referral', 'meeting', 'reportDue', 'monitoringDue'] as const;
export type TaskKind = (typeof taskKinds)[number];

/**
 * One thing the signed-in user's organisation has to do. `dueOn` is a business day: a due date on
 * a Saturday, Sunday, national holiday or 12/29–1/3 is moved back to the business day before
 * (`nominalDueOn` keeps the date the rule gave).
 */
export const taskSchema = z
  .object({
    id: z.string(),
    kind: z.enum(taskKinds),
    title: z.string(),
    dueOn: z.string().describe('the business day it is due (src/domain/dueDates.ts)'),
    nominalDueOn: z
      .string()
      .describe('the date the rule gives; differs from dueOn when that falls on a closed day'),
    overdue: z.boolean(),
    daysWaiting: z
      .number()
      .int()
      .nullable()
      .describe('handovers and referrals: calendar days since it arrived; null for other kinds'),
    link: z.object({ type: z.enum(['case', 'consultation', 'meeting']), id: z.uuid() }),
    subjectId: z.uuid(),
    caseId: z.uuid().nullable(),
    caseNumber: z.string().nullable(),
    abilities: z.object({
      decide: z.boolean(),
      acknowledge: z.boolean(),
      report: z.boolean(),
      monitor: z.boolean(),
    }),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof taskSchema>;

export const taskListSchema = z
  .object({ items: z.array(taskSchema), today: z.string() })
  .meta({ id: 'TaskList' });
