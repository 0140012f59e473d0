import type { z } from 'zod';
import {
  challengeListSchema,
  type challengesUpdateSchema,
} from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';

export type ChallengesUpdate = z.input<typeof challengesUpdateSchema>;

/** `PUT /api/recidivism-plan/challenges` (challenges.update): the whole ordered list. */
export function updateChallenges(input: ChallengesUpdate) {
  return apiRequest('PUT', '/api/recidivism-plan/challenges', { schema: challengeListSchema, body: input });
}

export function useUpdateChallenges() {
  return useRefreshingMutation(updateChallenges, ['recidivism']);
}
