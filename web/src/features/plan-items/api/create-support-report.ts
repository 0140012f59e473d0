import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type SupportReport,
  type SupportReportInput,
  supportReportSchema,
} from '../../../../../src/contract/supportReports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { planItemsQueryKey } from './list-my-plan-items.ts';

/** `POST /api/support-reports` (supportReports.create): support given against one current plan item. */
export function createSupportReport(input: SupportReportInput): Promise<SupportReport> {
  return apiRequest('POST', '/api/support-reports', { schema: supportReportSchema, body: input });
}

export function useCreateSupportReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSupportReport,
    // The case screens' queries (timeline, reports) live under ['cases'] and are marked stale too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planItemsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]),
  });
}
