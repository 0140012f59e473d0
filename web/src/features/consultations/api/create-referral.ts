import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type Referral,
  type referralInputSchema,
  referralSchema,
} from '../../../../../src/contract/referrals.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { consultationsQueryKey } from './list-consultations.ts';

export type ReferralInput = z.input<typeof referralInputSchema>;

/** `POST /api/referrals` → 201 Referral: refer an open consultation to another agency (needs consent). */
export function createReferral(input: ReferralInput): Promise<Referral> {
  return apiRequest('POST', '/api/referrals', { schema: referralSchema, body: input });
}

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReferral,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consultationsQueryKey }),
  });
}
