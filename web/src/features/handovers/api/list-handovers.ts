import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { handoverListSchema, type handoverStatuses } from '../../../../../src/contract/handovers.ts';
import { getJson } from '../../../lib/api-client.ts';

export type HandoverList = z.infer<typeof handoverListSchema>;
export type HandoverStatus = (typeof handoverStatuses)[number];

export const handoversQueryKey = ['handovers'] as const;

/**
 * `GET /api/handovers?status=&limit=&cursor=` → for the coordinating section its inbox (pending
 * first, longest waiting first); for a counter the handovers it sent, newest first.
 */
export function listHandovers(
  filter: { status?: HandoverStatus; cursor?: string },
  signal?: AbortSignal,
): Promise<HandoverList> {
  const query = new URLSearchParams({ limit: '20' });
  if (filter.status) query.set('status', filter.status);
  if (filter.cursor) query.set('cursor', filter.cursor);
  return getJson(`/api/handovers?${query}`, handoverListSchema, signal);
}

export function useHandovers(status: HandoverStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...handoversQueryKey, 'list', { status: status ?? null }],
    queryFn: ({ pageParam, signal }) =>
      listHandovers({ ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
