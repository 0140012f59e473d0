import { type Referral, referralSchema } from '../../../../../src/contract/referrals.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { referralDecisionQueryKeys } from './decline-referral.ts';

/** `POST /api/referrals/:id/accept` → 200 Referral. */
export function acceptReferral(id: string): Promise<Referral> {
  return apiRequest('POST', `/api/referrals/${encodeURIComponent(id)}/accept`, { schema: referralSchema });
}

export function useAcceptReferral() {
  return useRefreshingMutation(acceptReferral, ...referralDecisionQueryKeys);
}
