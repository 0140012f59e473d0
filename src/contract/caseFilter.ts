import { z } from 'zod';
import { caseStages } from '../domain/caseStage.ts';
import { codesOf, householdFlags, issueAreas } from '../domain/codeLists.ts';
import { text } from './common.ts';

/** 「N日以上記録なし」's N: whole days, 1 to 3650 (about ten years). */
export const noContactDaysSchema = z.coerce
  .number({ message: '日数は数値で指定してください' })
  .int({ message: '日数は整数で指定してください' })
  .min(1, { message: '日数は1以上にしてください' })
  .max(3650, { message: '日数は3650以下にしてください' })
  .optional();

/**
 * The filters of 事例一覧, shared by cases.list, cases.export and the figures of the home dashboard
 * (each figure links to the list with the same filter, so the count and the list agree). In a module
 * of its own so that the web app's router can read an address's filter without the case schemas.
 */
export const caseFilterSchema = z.object({
  stage: z.enum(caseStages, { message: '段階の指定が正しくありません' }).optional(),
  q: text(100)
    .optional()
    .describe(
      '氏名（漢字・異体字を区別しない）、フリガナ、事例番号、宛名番号、生年月日（和暦・西暦）のいずれか',
    ),
  assignedToMe: z
    .enum(['true', 'false'], { message: 'assignedToMe は true か false で指定してください' })
    .optional()
    .describe('true: only the cases whose 担当職員 is the caller'),
  unassigned: z
    .enum(['true', 'false'], { message: 'unassigned は true か false で指定してください' })
    .optional()
    .describe('true: only open cases without a 担当職員'),
  open: z
    .enum(['true', 'false'], { message: 'open は true か false で指定してください' })
    .optional()
    .describe('true: only cases not closed or suspended'),
  householdFlag: z.enum(codesOf(householdFlags), { message: '世帯類型の指定が正しくありません' }).optional(),
  issueArea: z
    .enum(issueAreas.map((a) => a.code) as [string, ...string[]], {
      message: '課題の分野の指定が正しくありません',
    })
    .optional(),
  monitoring: z
    .enum(['overdue', 'dueSoon'], { message: 'モニタリングの指定が正しくありません' })
    .optional()
    .describe('overdue: next monitoring before today; dueSoon: today to 7 days ahead (open cases)'),
  noContactDays: noContactDaysSchema.describe(
    'open cases whose latest contact (支援経過) is this many days ago or more',
  ),
  reportOverdueOrganizationId: z
    .uuid({ message: '機関の指定が正しくありません' })
    .optional()
    .describe('open cases with a current plan item of this organisation whose support report is overdue'),
});
export type CaseFilter = z.infer<typeof caseFilterSchema>;
