import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { referralListSchema } from '../../../../../src/contract/referrals.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { keysetPagesOptions, withPage } from '../../../lib/keyset-pages.ts';

export type ReferralList = z.infer<typeof referralListSchema>;
export type ReferralInboxStatus = 'pending' | 'accepted';

export const referralsQueryKey = ['referrals'] as const;

/** `GET /api/referrals?status=&limit=&cursor=` → referrals addressed to my organisation, oldest first. */
export function listReferrals(
  filter: { status: ReferralInboxStatus; cursor?: string },
  signal?: AbortSignal,
): Promise<ReferralList> {
  const query = withPage(new URLSearchParams({ status: filter.status }), 20, filter.cursor);
  return apiGet(`/api/referrals?${query}`, referralListSchema, signal);
}

export function useReferrals(status: ReferralInboxStatus) {
  return useInfiniteQuery(
    keysetPagesOptions([...referralsQueryKey, 'list', { status }], (cursor, signal) =>
      listReferrals({ status, cursor }, signal),
    ),
  );
}
