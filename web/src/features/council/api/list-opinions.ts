import { useQuery } from '@tanstack/react-query';
import { opinionListSchema } from '../../../../../src/contract/council.ts';
import { getListItems } from '../../../lib/list-items.ts';

export const opinionsQueryKey = ['council', 'opinions'] as const;

/** `GET /api/council/opinions` (opinions.list) */
export function useOpinions() {
  return useQuery({
    queryKey: opinionsQueryKey,
    queryFn: ({ signal }) => getListItems('/api/council/opinions', opinionListSchema, signal),
  });
}
