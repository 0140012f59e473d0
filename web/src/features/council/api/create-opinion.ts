import type { z } from 'zod';
import { type opinionInputSchema, opinionSchema } from '../../../../../src/contract/council.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { opinionsQueryKey } from './list-opinions.ts';

export type OpinionInput = z.output<typeof opinionInputSchema>;

/** `POST /api/council/opinions` (opinions.create): for the member's own organisation */
export function createOpinion(input: OpinionInput) {
  return apiRequest('POST', '/api/council/opinions', { schema: opinionSchema, body: input });
}

export function useCreateOpinion() {
  return useRefreshingMutation(createOpinion, opinionsQueryKey);
}
