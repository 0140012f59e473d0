import { useInfiniteQuery } from '@tanstack/react-query';
import { myPlanItemListSchema } from '../../../../../src/contract/plans.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { keysetPagesOptions, withPage } from '../../../lib/keyset-pages.ts';

export const planItemsQueryKey = ['planItems'] as const;

const pageSize = 50;

/** `GET /api/plan-items?limit=&cursor=` (planItems.mine): my organisation's items of current plans. */
export function listMyPlanItems(cursor: string | undefined, signal?: AbortSignal) {
  const query = withPage(new URLSearchParams(), pageSize, cursor);
  return apiGet(`/api/plan-items?${query.toString()}`, myPlanItemListSchema, signal);
}

export function useMyPlanItems() {
  return useInfiniteQuery(keysetPagesOptions([...planItemsQueryKey, 'mine'], listMyPlanItems));
}
