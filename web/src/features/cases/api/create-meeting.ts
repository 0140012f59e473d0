import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Meeting, type MeetingInput, meetingSchema } from '../../../../../src/contract/meetings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateCase } from './get-case.ts';

/**
 * `POST /api/cases/:id/meetings` (meetings.create). A 重層的支援会議 whose invitees are not all
 * covered by the person's consent is refused with 409 `consent.required`.
 */
export function createMeeting({ caseId, input }: { caseId: string; input: MeetingInput }): Promise<Meeting> {
  return apiRequest('POST', `/api/cases/${encodeURIComponent(caseId)}/meetings`, {
    schema: meetingSchema,
    body: input,
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMeeting,
    onSuccess: (_data, { caseId }) => invalidateCase(queryClient, caseId),
  });
}
