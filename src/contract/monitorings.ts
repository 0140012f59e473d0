import { z } from 'zod';
import { caseStages } from '../domain/caseStage.ts';
import { closureReasons, codesOf, itemProgress, monitoringDecisions } from '../domain/codeLists.ts';
import { requiredText, text, userRefSchema } from './common.ts';
import { calendarDateSchema } from './plans.ts';

/** A refinement's `when`: run unless one of these top-level fields already has an issue. */
function fieldsValid(fields: readonly string[]) {
  return (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    // an issue at the root (the body is not even an object) invalidates every field
    !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0])));
}

export const monitoringInputSchema = z
  .object({
    conductedOn: calendarDateSchema,
    itemResults: z
      .array(
        z.object({
          planItemId: z.uuid({ message: '支援内容を指定してください' }),
          progress: z.enum(codesOf(itemProgress), { message: '達成状況を選んでください' }),
          note: text(2000).optional(),
        }),
      )
      .max(50),
    decision: z.enum(codesOf(monitoringDecisions), { message: '判断を選んでください' }),
    note: text(4000).optional(),
    nextMonitoringOn: calendarDateSchema.optional(),
    closure: z
      .object({
        reason: z.enum(codesOf(closureReasons), { message: '終結理由を選んでください' }),
        evaluation: requiredText(4000),
      })
      .optional(),
    suspensionReason: text(2000).optional(),
  })
  .superRefine((input, context) => {
    const seen = new Set<string>();
    input.itemResults.forEach((result, index) => {
      if (seen.has(result.planItemId)) {
        context.addIssue({
          code: 'custom',
          path: ['itemResults', index, 'planItemId'],
          message: '同じ支援内容が重複しています',
        });
      }
      seen.add(result.planItemId);
    });
  })
  // What each decision requires: checked even when other fields are wrong, so every error shows at once.
  .refine((input) => input.decision !== 'continue' || Boolean(input.nextMonitoringOn), {
    path: ['nextMonitoringOn'],
    message: '継続する場合は次回モニタリング日を入力してください',
    when: fieldsValid(['decision', 'nextMonitoringOn']),
  })
  .refine(
    (input) =>
      input.decision !== 'continue' || !input.nextMonitoringOn || input.nextMonitoringOn > input.conductedOn,
    {
      path: ['nextMonitoringOn'],
      message: '次回モニタリング日は実施日より後にしてください',
      when: fieldsValid(['decision', 'nextMonitoringOn', 'conductedOn']),
    },
  )
  .refine((input) => input.decision !== 'close' || input.closure !== undefined, {
    path: ['closure'],
    message: '終結する場合は終結理由と評価を入力してください',
    when: fieldsValid(['decision', 'closure']),
  })
  .refine((input) => input.decision !== 'suspend' || Boolean(input.suspensionReason), {
    path: ['suspensionReason'],
    message: '中断する場合は中断の理由を入力してください',
    when: fieldsValid(['decision', 'suspensionReason']),
  });
export type MonitoringInput = z.output<typeof monitoringInputSchema>;

/** A monitoring (モニタリング): progress of every item of the current plan and what was decided. */
export const monitoringSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseStage: z.enum(caseStages),
    planId: z.uuid(),
    planVersion: z.number().int(),
    conductedOn: z.string(),
    itemResults: z.array(
      z.object({
        planItemId: z.uuid(),
        content: z.string(),
        organizationName: z.string(),
        progress: z.enum(codesOf(itemProgress)),
        note: z.string().nullable(),
      }),
    ),
    decision: z.enum(codesOf(monitoringDecisions)),
    note: z.string().nullable(),
    nextMonitoringOn: z.string().nullable(),
    closure: z.object({ reason: z.enum(codesOf(closureReasons)), evaluation: z.string() }).nullable(),
    suspensionReason: z.string().nullable(),
    recordedBy: userRefSchema,
    createdAt: z.string(),
    abilities: z.object({ draftPlan: z.boolean() }),
  })
  .meta({ id: 'Monitoring' });
export type Monitoring = z.infer<typeof monitoringSchema>;
