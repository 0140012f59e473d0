import { useQuery } from '@tanstack/react-query';
import { type MeetingKind, meetingKindListSchema } from '../../../../../src/contract/meetingKinds.ts';
import { getListItems } from '../../../lib/api-client.ts';
import { casesQueryKey } from './get-case.ts';

/**
 * The municipality's meeting kinds (支援会議, 重層的支援会議 … as the city names them), each with its
 * legal basis. `meetings.create` takes a kind id, so the meeting form needs this list.
 */
export { type MeetingKind, meetingKindListSchema };

/** `GET /api/meeting-kinds` (meetingKinds.list). */
export async function listMeetingKinds(signal?: AbortSignal): Promise<MeetingKind[]> {
  return getListItems('/api/meeting-kinds', meetingKindListSchema, signal);
}

export function useMeetingKinds() {
  return useQuery({
    queryKey: [...casesQueryKey, 'meetingKinds'],
    queryFn: ({ signal }) => listMeetingKinds(signal),
    staleTime: 10 * 60 * 1000,
    retry: false,
  });
}
