import { type Meeting, meetingSchema } from '../../../../../src/contract/meetings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useMeetingMutation } from './get-meeting.ts';

/** `POST /api/meetings/:id/acknowledgement` (meetings.acknowledgeConfidentiality) → the meeting, papers shown. */
export function acknowledgeConfidentiality(meetingId: string): Promise<Meeting> {
  return apiRequest('POST', `/api/meetings/${encodeURIComponent(meetingId)}/acknowledgement`, {
    schema: meetingSchema,
  });
}

export function useAcknowledgeConfidentiality() {
  return useMeetingMutation(acknowledgeConfidentiality);
}
