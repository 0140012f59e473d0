import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Referral, referralSchema } from '../../../../../src/contract/referrals.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateAfterReferralDecision } from './decline-referral.ts';

/** `POST /api/referrals/:id/accept` → 200 Referral. */
export function acceptReferral(id: string): Promise<Referral> {
  return apiRequest('POST', `/api/referrals/${encodeURIComponent(id)}/accept`, { schema: referralSchema });
}

export function useAcceptReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptReferral,
    onSuccess: () => invalidateAfterReferralDecision(queryClient),
  });
}
