import { useQuery } from '@tanstack/react-query';
import { type Challenge, challengeListSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { getListItems } from '../../../lib/api-client.ts';

/** `GET /api/recidivism-plan/challenges` (challenges.list), in plan order. */
export async function listChallenges(signal?: AbortSignal): Promise<Challenge[]> {
  return getListItems('/api/recidivism-plan/challenges', challengeListSchema, signal);
}

export function useChallenges() {
  return useQuery({
    queryKey: ['recidivism', 'challenges'],
    queryFn: ({ signal }) => listChallenges(signal),
  });
}
