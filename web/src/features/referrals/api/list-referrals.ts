import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { referralListSchema } from '../../../../../src/contract/referrals.ts';
import { getJson } from '../../../lib/api-client.ts';

export type ReferralList = z.infer<typeof referralListSchema>;
export type ReferralInboxStatus = 'pending' | 'accepted';

export const referralsQueryKey = ['referrals'] as const;

/** `GET /api/referrals?status=&limit=&cursor=` → referrals addressed to my organisation, oldest first. */
export function listReferrals(
  filter: { status: ReferralInboxStatus; cursor?: string },
  signal?: AbortSignal,
): Promise<ReferralList> {
  const query = new URLSearchParams({ status: filter.status, limit: '20' });
  if (filter.cursor) query.set('cursor', filter.cursor);
  return getJson(`/api/referrals?${query}`, referralListSchema, signal);
}

export function useReferrals(status: ReferralInboxStatus) {
  return useInfiniteQuery({
    queryKey: [...referralsQueryKey, 'list', { status }],
    queryFn: ({ pageParam, signal }) =>
      listReferrals({ status, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
