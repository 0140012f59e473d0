import { type Referral, referralSchema } from '../../../../../src/contract/referrals.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { referralsQueryKey } from './list-referrals.ts';

/** A decision changes the inbox, my tasks and the consultation (keys of the other features, by value). */
export const referralDecisionQueryKeys = [referralsQueryKey, ['tasks'], ['consultations']] as const;

/** `POST /api/referrals/:id/decline` {reason} → 200 Referral; the counter sees the reason. */
export function declineReferral({ id, reason }: { id: string; reason: string }): Promise<Referral> {
  return apiRequest('POST', `/api/referrals/${encodeURIComponent(id)}/decline`, {
    schema: referralSchema,
    body: { reason },
  });
}

export function useDeclineReferral() {
  return useRefreshingMutation(declineReferral, ...referralDecisionQueryKeys);
}
