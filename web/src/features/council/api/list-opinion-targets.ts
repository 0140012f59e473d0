import { useQuery } from '@tanstack/react-query';
import { challengeListSchema, programmeListSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiGet } from '../../../lib/api-client.ts';

/**
 * `GET /api/recidivism-plan/challenges` (challenges.list) and `GET /api/programmes` (programmes.list):
 * what an opinion may be about.
 */
export function useOpinionTargets() {
  return useQuery({
    queryKey: ['recidivism', 'opinionTargets'],
    queryFn: async ({ signal }) => {
      const [challenges, programmes] = await Promise.all([
        apiGet('/api/recidivism-plan/challenges', challengeListSchema, signal),
        apiGet('/api/programmes', programmeListSchema, signal),
      ]);
      return {
        challenges: challenges.items,
        programmes: programmes.items.map((p) => ({ id: p.id, name: p.name })),
      };
    },
  });
}
