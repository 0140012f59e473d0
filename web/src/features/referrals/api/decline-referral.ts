import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { type Referral, referralSchema } from '../../../../../src/contract/referrals.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { referralsQueryKey } from './list-referrals.ts';

/** A decision changes the inbox, my tasks and the consultation (keys of the other features, by value). */
export function invalidateAfterReferralDecision(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: referralsQueryKey }),
    queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    queryClient.invalidateQueries({ queryKey: ['consultations'] }),
  ]);
}

/** `POST /api/referrals/:id/decline` {reason} → 200 Referral; the counter sees the reason. */
export function declineReferral({ id, reason }: { id: string; reason: string }): Promise<Referral> {
  return apiRequest('POST', `/api/referrals/${encodeURIComponent(id)}/decline`, {
    schema: referralSchema,
    body: { reason },
  });
}

export function useDeclineReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineReferral,
    onSuccess: () => invalidateAfterReferralDecision(queryClient),
  });
}
