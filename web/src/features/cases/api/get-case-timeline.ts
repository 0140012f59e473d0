import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { caseTimelineSchema } from '../../../../../src/contract/cases.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { casesQueryKey } from './get-case.ts';

const pageSize = 30;

/** `GET /api/cases/:id/timeline?limit=&cursor=` (cases.timeline): every organisation's entries, newest first. */
export function getCaseTimeline(caseId: string, cursor: string | undefined, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (cursor) query.set('cursor', cursor);
  return apiRequest('GET', `/api/cases/${encodeURIComponent(caseId)}/timeline?${query.toString()}`, {
    schema: caseTimelineSchema,
    ...(signal ? { signal } : {}),
  });
}

export function useCaseTimeline(caseId: string) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...casesQueryKey, 'of', caseId, 'timeline'],
      queryFn: ({ pageParam, signal }) => getCaseTimeline(caseId, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
}
