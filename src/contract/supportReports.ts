import { z } from 'zod';
import { codesOf, reportResults } from '../domain/codeLists.ts';
import { requiredText, userRefSchema } from './common.ts';
import { pageSchema } from './pagination.ts';
import { calendarDateSchema } from './plans.ts';

export const supportReportInputSchema = z.object({
  planItemId: z.uuid({ message: '報告する支援内容を選んでください' }),
  supportedOn: calendarDateSchema,
  content: requiredText(4000),
  result: z.enum(codesOf(reportResults), { message: '結果を選んでください' }),
});
export type SupportReportInput = z.output<typeof supportReportInputSchema>;

/** A support report (支援報告): what an organisation did against one plan item, and when. */
export const supportReportSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    planItemId: z.uuid(),
    planItemContent: z.string(),
    planVersion: z.number().int(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    reportedBy: userRefSchema,
    supportedOn: z.string(),
    content: z.string(),
    result: z.enum(codesOf(reportResults)),
    createdAt: z.string(),
    abilities: z.object({}),
  })
  .meta({ id: 'SupportReport' });
export type SupportReport = z.infer<typeof supportReportSchema>;

export const supportReportListSchema = pageSchema(supportReportSchema).meta({ id: 'SupportReportList' });
