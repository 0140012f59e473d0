import { useQuery } from '@tanstack/react-query';
import { type Challenge, challengeListSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { getListItems } from '../../../lib/list-items.ts';

/** `GET /api/recidivism-plan/challenges` (challenges.list), in plan order. */
export function listChallenges(signal?: AbortSignal): Promise<Challenge[]> {
  return getListItems('/api/recidivism-plan/challenges', challengeListSchema, signal);
}

export function useChallenges() {
  return useQuery({
    queryKey: ['recidivism', 'challenges'],
    queryFn: ({ signal }) => listChallenges(signal),
  });
}
