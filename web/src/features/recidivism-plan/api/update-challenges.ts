import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  challengeListSchema,
  type challengesUpdateSchema,
} from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type ChallengesUpdate = z.input<typeof challengesUpdateSchema>;

/** `PUT /api/recidivism-plan/challenges` (challenges.update): the whole ordered list. */
export function updateChallenges(input: ChallengesUpdate) {
  return apiRequest('PUT', '/api/recidivism-plan/challenges', { schema: challengeListSchema, body: input });
}

export function useUpdateChallenges() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateChallenges,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['recidivism'] }),
  });
}
