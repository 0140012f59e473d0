import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type opinionInputSchema, opinionSchema } from '../../../../../src/contract/council.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { opinionsQueryKey } from './list-opinions.ts';

export type OpinionInput = z.output<typeof opinionInputSchema>;

/** `POST /api/council/opinions` (opinions.create): for the member's own organisation */
export function createOpinion(input: OpinionInput) {
  return apiRequest('POST', '/api/council/opinions', { schema: opinionSchema, body: input });
}

export function useCreateOpinion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOpinion,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opinionsQueryKey }),
  });
}
