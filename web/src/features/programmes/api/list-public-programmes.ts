import { useQuery } from '@tanstack/react-query';
import { publicProgrammeListSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { getJson } from '../../../lib/api-client.ts';

/** `GET /api/public/programmes` (publicProgrammes.list): no sign-in; 404 when switched off. */
export function listPublicProgrammes(signal?: AbortSignal) {
  return getJson('/api/public/programmes', publicProgrammeListSchema, signal);
}

export function usePublicProgrammes() {
  return useQuery({
    queryKey: ['public', 'programmes'],
    queryFn: ({ signal }) => listPublicProgrammes(signal),
    retry: false,
  });
}
