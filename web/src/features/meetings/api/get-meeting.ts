import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Meeting, meetingSchema } from '../../../../../src/contract/meetings.ts';
import { getJson } from '../../../lib/api-client.ts';

export const meetingQueryKey = (meetingId: string) => ['meetings', meetingId] as const;

/**
 * `GET /api/meetings/:id` (meetings.get). For a 支援会議 invitee who has not acknowledged the duty of
 * confidentiality, agenda, minutes and decisions come back null (`requiresAcknowledgement`).
 */
export function getMeeting(meetingId: string, signal?: AbortSignal): Promise<Meeting> {
  return getJson(`/api/meetings/${encodeURIComponent(meetingId)}`, meetingSchema, signal);
}

export function meetingQueryOptions(meetingId: string) {
  return queryOptions({
    queryKey: meetingQueryKey(meetingId),
    queryFn: ({ signal }) => getMeeting(meetingId, signal),
  });
}

export function useMeeting(meetingId: string) {
  return useQuery(meetingQueryOptions(meetingId));
}

/**
 * A change to a meeting also changes its case (stage, timeline, meeting list). The case screens'
 * queries all live under the key `['cases']`; they are marked stale by that key, not by importing them.
 */
export function afterMeetingChange(queryClient: QueryClient, meeting: Meeting): Promise<void> {
  queryClient.setQueryData(meetingQueryKey(meeting.id), meeting);
  return queryClient.invalidateQueries({ queryKey: ['cases'] });
}

/** A mutation that answers with the meeting as changed: it is kept as the meeting, and its case is read again. */
export function useMeetingMutation<Variables>(mutationFn: (variables: Variables) => Promise<Meeting>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: (meeting) => afterMeetingChange(queryClient, meeting) });
}
