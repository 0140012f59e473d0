import {
  type SupportReport,
  type SupportReportInput,
  supportReportSchema,
} from '../../../../../src/contract/supportReports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { planItemsQueryKey } from './list-my-plan-items.ts';

/** `POST /api/support-reports` (supportReports.create): support given against one current plan item. */
export function createSupportReport(input: SupportReportInput): Promise<SupportReport> {
  return apiRequest('POST', '/api/support-reports', { schema: supportReportSchema, body: input });
}

/** The case screens' queries (timeline, reports) live under ['cases'] and are marked stale too. */
export function useCreateSupportReport() {
  return useRefreshingMutation(createSupportReport, planItemsQueryKey, ['cases']);
}
