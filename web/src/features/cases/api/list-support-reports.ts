import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { supportReportListSchema } from '../../../../../src/contract/supportReports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { casesQueryKey } from './get-case.ts';

const pageSize = 20;

/** `GET /api/cases/:id/support-reports?limit=&cursor=` (supportReports.list), newest first. */
export function listSupportReports(caseId: string, cursor: string | undefined, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (cursor) query.set('cursor', cursor);
  return apiRequest('GET', `/api/cases/${encodeURIComponent(caseId)}/support-reports?${query.toString()}`, {
    schema: supportReportListSchema,
    ...(signal ? { signal } : {}),
  });
}

export function useSupportReports(caseId: string) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...casesQueryKey, 'of', caseId, 'supportReports'],
      queryFn: ({ pageParam, signal }) => listSupportReports(caseId, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
}
