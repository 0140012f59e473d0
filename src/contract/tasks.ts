import { z } from 'zod';

export const taskKinds = ['handover', 'referral', 'meeting', 'reportDue', 'monitoringDue'] as const;
export type TaskKind = (typeof taskKinds)[number];

/**
 * One thing the signed-in user's organisation has to do. `dueOn` is a business day: a due date on
 * a Saturday, Sunday, national holiday or 12/29–1/3 is moved back to the business day before.
 */
export const taskSchema = z
  .object({
    id: z.string(),
    kind: z.enum(taskKinds),
    title: z.string(),
    dueOn: z.string(),
    overdue: z.boolean(),
    daysWaiting: z.number().int().nullable(),
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
