import { z } from 'zod';
import { codesOf, consultationChannels, consultationTopics } from '../domain/codeLists.ts';
import { calendarDate } from './calendarDate.ts';
import { consultationStatuses } from './statuses.ts';

/** What happened at the counter: 自機関で対応, 他機関へつなぐ, 重層事業へ引継ぎ. */
export const consultationOutcomes = ['ownAgency', 'referral', 'handover'] as const;

/**
 * The filters of 相談一覧: 受付日 from/to (calendar dates, both ends included), the counter that took
 * it, 相談経路, one 相談内容 (among all the topics circled, not only the main one), 対応 and 状態.
 * In a module of its own (as caseFilter.ts) so that the web app's router reads an address's filter
 * with the same rules without the consultation and person schemas.
 */
export const consultationFilterFields = {
  status: z.enum(consultationStatuses, { message: '状態が正しくありません' }).optional(),
  from: calendarDate('受付日（開始）').optional().describe('受付日 on or after this date'),
  to: calendarDate('受付日（終了）').optional().describe('受付日 on or before this date'),
  organizationId: z
    .uuid({ message: '受付機関の指定が正しくありません' })
    .optional()
    .describe('The counter that took the consultation'),
  channel: z.enum(codesOf(consultationChannels), { message: '相談経路の指定が正しくありません' }).optional(),
  topic: z
    .enum(codesOf(consultationTopics), { message: '相談内容の指定が正しくありません' })
    .optional()
    .describe('Consultations with this topic among their topics (main or not)'),
  outcome: z.enum(consultationOutcomes, { message: '対応の指定が正しくありません' }).optional(),
};
export const receivedInOrder = (f: { from?: string | undefined; to?: string | undefined }) =>
  !f.from || !f.to || f.from <= f.to;
export const receivedOrderMessage = {
  message: '受付日（終了）は受付日（開始）と同じかそれより後の日付にしてください',
  path: ['to'],
};

export const consultationFilterSchema = z
  .object(consultationFilterFields)
  .refine(receivedInOrder, receivedOrderMessage);
export type ConsultationFilter = z.output<typeof consultationFilterSchema>;
