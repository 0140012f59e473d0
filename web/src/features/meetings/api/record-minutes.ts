import { type Meeting, type MinutesInput, meetingSchema } from '../../../../../src/contract/meetings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useMeetingMutation } from './get-meeting.ts';

/** `POST /api/meetings/:id/minutes` (meetings.recordMinutes): held at, attendance, minutes, decisions. */
export function recordMinutes({
  meetingId,
  input,
}: {
  meetingId: string;
  input: MinutesInput;
}): Promise<Meeting> {
  return apiRequest('POST', `/api/meetings/${encodeURIComponent(meetingId)}/minutes`, {
    schema: meetingSchema,
    body: input,
  });
}

export function useRecordMinutes() {
  return useMeetingMutation(recordMinutes);
}
