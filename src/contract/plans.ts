import { z } from 'zod';
import { caseStages } from '../domain/caseStage.ts';
import { namedRefSchema, requiredText, unique, userRefSchema } from './common.ts';
import { pageSchema } from './pagination.ts';

/** A calendar date as people mean it ('YYYY-MM-DD'), no time, no zone. */
export const calendarDateSchema = z.iso.date({ message: '日付は YYYY-MM-DD の形式で入力してください' });

/** What a plan item links the person to besides the support itself (プラン兼利用申込書 checks). */
export const planLinks = ['participationSupport', 'outreach'] as const;
export type PlanLink = (typeof planLinks)[number];
export const planStatuses = ['draft', 'approved', 'superseded'] as const;

export const planItemInputSchema = z
  .object({
    content: requiredText(2000),
    organizationId: z.uuid({ message: '担当機関を選んでください' }),
    frequency: requiredText(100),
    periodFrom: calendarDateSchema,
    periodTo: calendarDateSchema,
    links: z
      .array(z.enum(planLinks, { message: '参加支援またはアウトリーチを選んでください' }))
      .max(2)
      .refine(unique, { message: '同じつなぎ先が重複しています' })
      .default([]),
    /** the recidivism-plan programme (取組) this support uses, if any */
    programmeId: z.uuid({ message: '取組を正しく選んでください' }).nullable().default(null),
    /** the 社会資源 (directory resource) where this support happens, if any */
    resourceId: z.uuid({ message: '社会資源を正しく選んでください' }).nullable().default(null),
  })
  .refine((item) => item.periodFrom <= item.periodTo, {
    path: ['periodTo'],
    message: '支援期間の終了日は開始日以降にしてください',
    // checked even when other fields of the item are wrong, so that every error shows at once
    when: (payload) => {
      const value = payload.value as { periodFrom?: unknown; periodTo?: unknown } | undefined;
      return (
        typeof value?.periodFrom === 'string' &&
        typeof value.periodTo === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value.periodFrom) &&
        /^\d{4}-\d{2}-\d{2}$/.test(value.periodTo)
      );
    },
  });

/** A plan draft: 本人・世帯の意向, goals, the next monitoring date and the items (役割分担). */
export const planInputSchema = z.object({
  wishes: requiredText(4000),
  longTermGoal: requiredText(2000),
  shortTermGoals: requiredText(4000),
  nextMonitoringOn: calendarDateSchema,
  items: z
    .array(planItemInputSchema)
    .min(1, { message: '支援内容を1件以上入力してください' })
    .max(50, { message: '支援内容は50件までです' }),
});
export type PlanInput = z.output<typeof planInputSchema>;

export const planApproveSchema = z.object({
  meetingId: z.uuid({ message: '支援プランを決定した会議を選んでください' }),
});

export const planItemSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    content: z.string(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    frequency: z.string().nullable(),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    links: z.array(z.enum(planLinks)),
    programme: namedRefSchema.nullable(),
    /** the 社会資源 the item names (directory data, tenant-wide), if any */
    resource: namedRefSchema.nullable(),
  })
  .meta({ id: 'PlanItem' });
export type PlanItem = z.infer<typeof planItemSchema>;

export const planSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseNumber: z.string(),
    caseStage: z.enum(caseStages),
    version: z.number().int(),
    status: z.enum(planStatuses),
    wishes: z.string(),
    longTermGoal: z.string(),
    shortTermGoals: z.string(),
    nextMonitoringOn: z.string(),
    items: z.array(planItemSchema),
    decidedMeeting: z
      .object({
        id: z.uuid(),
        title: z.string(),
        kindName: z.string(),
        legalBasis: z.enum(['article106_6', 'consent']),
        heldAt: z.string().nullable(),
      })
      .nullable(),
    approvedAt: z.string().nullable(),
    approvedBy: userRefSchema.nullable(),
    createdAt: z.string(),
    createdBy: userRefSchema,
    abilities: z.object({ update: z.boolean(), approve: z.boolean() }),
  })
  .meta({ id: 'SupportPlan' });
export type Plan = z.infer<typeof planSchema>;

export const planListSchema = pageSchema(planSchema).meta({ id: 'SupportPlanList' });

export const planCompareQuerySchema = z.object({
  with: z.uuid({ message: '比較する版を指定してください' }),
});

export const planFieldNames = ['wishes', 'longTermGoal', 'shortTermGoals', 'nextMonitoringOn'] as const;
export const planItemFieldNames = [
  'content',
  'organizationId',
  'frequency',
  'periodFrom',
  'periodTo',
  'links',
  'programme',
  'resource',
] as const;

const versionRefSchema = z.object({ id: z.uuid(), version: z.number().int(), status: z.enum(planStatuses) });

/**
 * Two versions side by side, always older → newer whichever was asked first. Items are matched
 * (1) by identical content and responsible organisation, then (2) of those left, by position;
 * what is left after that was added (only in the newer) or removed (only in the older).
 */
export const planComparisonSchema = z
  .object({
    older: versionRefSchema,
    newer: versionRefSchema,
    fields: z.array(z.object({ field: z.enum(planFieldNames), before: z.string(), after: z.string() })),
    items: z.object({
      added: z.array(planItemSchema),
      removed: z.array(planItemSchema),
      changed: z.array(
        z.object({
          before: planItemSchema,
          after: planItemSchema,
          fields: z.array(z.enum(planItemFieldNames)),
          matchedBy: z.enum(['contentAndOrganization', 'position']),
        }),
      ),
      unchanged: z.array(planItemSchema),
    }),
    abilities: z.object({}),
  })
  .meta({
    id: 'SupportPlanComparison',
    description:
      'Two versions side by side, older → newer whichever was asked first. Items are matched (1) by identical content and responsible organisation, then (2) of those left, by position; what remains is added (only in the newer) or removed (only in the older). A matched item whose content, organisation, frequency, period or links differ is "changed"; a move of position alone is not a change.',
  });
export type PlanComparison = z.infer<typeof planComparisonSchema>;

/** One of "my plan items": an item of a current (approved) plan my organisation is responsible for. */
export const myPlanItemSchema = planItemSchema
  .extend({
    planId: z.uuid(),
    planVersion: z.number().int(),
    caseId: z.uuid(),
    caseNumber: z.string(),
    personName: z.string(),
    lastReportedOn: z.string().nullable(),
    reportNominalDueOn: z
      .string()
      .describe('when the next report is due by the rule: 30 days after the last report, or after the start'),
    reportDueOn: z
      .string()
      .describe('the business day it is due: reportNominalDueOn or the business day before'),
    reportDue: z.boolean().describe('the item runs today and its report is due today or overdue'),
    abilities: z.object({ report: z.boolean() }),
  })
  .meta({ id: 'MyPlanItem' });
export type MyPlanItem = z.infer<typeof myPlanItemSchema>;

export const myPlanItemListSchema = pageSchema(myPlanItemSchema).meta({ id: 'MyPlanItemList' });
