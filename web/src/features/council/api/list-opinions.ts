import { useQuery } from '@tanstack/react-query';
import { opinionListSchema } from '../../../../../src/contract/council.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const opinionsQueryKey = ['council', 'opinions'] as const;

/** `GET /api/council/opinions` (opinions.list) */
export function useOpinions() {
  return useQuery({
    queryKey: opinionsQueryKey,
    queryFn: async ({ signal }) =>
      (await apiRequest('GET', '/api/council/opinions', { schema: opinionListSchema, signal })).items,
  });
}
