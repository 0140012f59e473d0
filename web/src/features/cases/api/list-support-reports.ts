import { supportReportListSchema } from '../../../../../src/contract/supportReports.ts';
import { useCasePages } from './get-case.ts';

/** `GET /api/cases/:id/support-reports?limit=&cursor=` (supportReports.list), newest first. */
export function useSupportReports(caseId: string) {
  return useCasePages(caseId, {
    list: 'support-reports',
    key: 'supportReports',
    pageSize: 20,
    schema: supportReportListSchema,
  });
}
