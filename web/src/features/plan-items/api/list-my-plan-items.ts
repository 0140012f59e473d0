import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { myPlanItemListSchema } from '../../../../../src/contract/plans.ts';
import { getJson } from '../../../lib/api-client.ts';

export const planItemsQueryKey = ['planItems'] as const;

const pageSize = 50;

/** `GET /api/plan-items?limit=&cursor=` (planItems.mine): my organisation's items of current plans. */
export function listMyPlanItems(cursor: string | undefined, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (cursor) query.set('cursor', cursor);
  return getJson(`/api/plan-items?${query.toString()}`, myPlanItemListSchema, signal);
}

export function useMyPlanItems() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...planItemsQueryKey, 'mine'],
      queryFn: ({ pageParam, signal }) => listMyPlanItems(pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
}
