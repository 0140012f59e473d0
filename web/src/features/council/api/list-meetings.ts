import { useQuery } from '@tanstack/react-query';
import { councilMeetingListSchema } from '../../../../../src/contract/council.ts';
import { getListItems } from '../../../lib/list-items.ts';

export const councilMeetingsQueryKey = ['council', 'meetings'] as const;

/** `GET /api/council/meetings` (councilMeetings.list), newest first */
export function useCouncilMeetings() {
  return useQuery({
    queryKey: [...councilMeetingsQueryKey, 'list'],
    queryFn: ({ signal }) => getListItems('/api/council/meetings', councilMeetingListSchema, signal),
  });
}
