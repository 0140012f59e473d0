import { useQuery } from '@tanstack/react-query';
import { councilMeetingSchema } from '../../../../../src/contract/council.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { councilMeetingsQueryKey } from './list-meetings.ts';

/** `GET /api/council/meetings/:id` (councilMeetings.get) */
export function useCouncilMeeting(id: string) {
  return useQuery({
    queryKey: [...councilMeetingsQueryKey, 'one', id],
    queryFn: ({ signal }) => apiGet(`/api/council/meetings/${id}`, councilMeetingSchema, signal),
  });
}
