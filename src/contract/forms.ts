import { z } from 'zod';
import { calendarDate } from './calendarDate.ts';
import { text } from './common.ts';

/**
 * 帳票 of a case (MHLW sample forms, docs/forms.md), each a PDF generated from the record:
 * intake (インテーク・アセスメントシート（基本）), assessment (アセスメントシート（課題整理）with the
 * genogram and ecomap), plan (プランシート（プラン兼利用申込書）), progress (支援経過記録（経過一覧）)
 * and evaluation (評価シート).
 */
export const caseFormKinds = ['intake', 'assessment', 'plan', 'progress', 'evaluation'] as const;
export type CaseFormKind = (typeof caseFormKinds)[number];

export const caseFormParamsSchema = z.object({
  id: z.uuid(),
  kind: z.enum(caseFormKinds, {
    message: '帳票の種類は intake, assessment, plan, progress, evaluation のいずれかです',
  }),
});

const purpose = text(200).optional().describe('Why it is printed (kept in the audit event)');

export const caseFormQuerySchema = z
  .object({
    planId: z
      .uuid({ message: 'プランの指定が正しくありません' })
      .optional()
      .describe('plan: a version (default: the current plan)'),
    monitoringId: z
      .uuid({ message: 'モニタリングの指定が正しくありません' })
      .optional()
      .describe('evaluation: a monitoring (default: the latest; at closure, the closure too)'),
    from: calendarDate('期間の開始日')
      .optional()
      .describe('progress: first day (default: the case’s acceptance)'),
    to: calendarDate('期間の終了日').optional().describe('progress: last day (default: today)'),
    purpose,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '期間の終了日は開始日以降にしてください',
    path: ['to'],
  });

export const formQuerySchema = z.object({ purpose });

export const easyReadFormats = ['html', 'pdf', 'json'] as const;
export const easyReadQuerySchema = z.object({
  format: z.enum(easyReadFormats, { message: '形式は html, pdf, json のいずれかです' }).default('html'),
  purpose,
});

const rubySegmentsSchema = z.array(z.object({ text: z.string(), ruby: z.string().nullable() }));

/** The plan in やさしい日本語 as segments with ふりがな, for the browser preview (format=json). */
export const easyReadPlanSchema = z
  .object({
    planId: z.uuid(),
    caseId: z.uuid(),
    version: z.number().int(),
    title: rubySegmentsSchema,
    sections: z.array(
      z.object({
        heading: rubySegmentsSchema,
        blocks: z.array(
          z.object({ heading: rubySegmentsSchema.nullable(), sentences: z.array(rubySegmentsSchema) }),
        ),
      }),
    ),
  })
  .meta({ id: 'EasyReadPlan' });
export type EasyReadPlan = z.infer<typeof easyReadPlanSchema>;
