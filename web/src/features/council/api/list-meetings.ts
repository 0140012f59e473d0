import { useQuery } from '@tanstack/react-query';
import { councilMeetingListSchema } from '../../../../../src/contract/council.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const councilMeetingsQueryKey = ['council', 'meetings'] as const;

/** `GET /api/council/meetings` (councilMeetings.list), newest first */
export function useCouncilMeetings() {
  return useQuery({
    queryKey: [...councilMeetingsQueryKey, 'list'],
    queryFn: async ({ signal }) =>
      (await apiRequest('GET', '/api/council/meetings', { schema: councilMeetingListSchema, signal })).items,
  });
}
