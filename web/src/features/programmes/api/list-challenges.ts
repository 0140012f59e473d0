import { useQuery } from '@tanstack/react-query';
import { type Challenge, challengeListSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** `GET /api/recidivism-plan/challenges` (challenges.list), in plan order. */
export async function listChallenges(signal?: AbortSignal): Promise<Challenge[]> {
  const list = await apiRequest('GET', '/api/recidivism-plan/challenges', {
    schema: challengeListSchema,
    ...(signal ? { signal } : {}),
  });
  return list.items;
}

export function useChallenges() {
  return useQuery({
    queryKey: ['recidivism', 'challenges'],
    queryFn: ({ signal }) => listChallenges(signal),
  });
}
