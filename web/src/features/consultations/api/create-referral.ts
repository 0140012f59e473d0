import type { z } from 'zod';
import {
  type Referral,
  type referralInputSchema,
  referralSchema,
} from '../../../../../src/contract/referrals.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { consultationsQueryKey } from './list-consultations.ts';

export type ReferralInput = z.input<typeof referralInputSchema>;

/** `POST /api/referrals` → 201 Referral: refer an open consultation to another agency (needs consent). */
export function createReferral(input: ReferralInput): Promise<Referral> {
  return apiRequest('POST', '/api/referrals', { schema: referralSchema, body: input });
}

export function useCreateReferral() {
  return useRefreshingMutation(createReferral, consultationsQueryKey);
}
