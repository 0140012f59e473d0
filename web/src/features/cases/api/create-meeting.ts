import { type Meeting, type MeetingInput, meetingSchema } from '../../../../../src/contract/meetings.ts';
import { caseChangeRequest, useCaseMutation } from './case-mutation.ts';

/**
 * `POST /api/cases/:id/meetings` (meetings.create). A 重層的支援会議 whose invitees are not all
 * covered by the person's consent is refused with 409 `consent.required`.
 */
export const createMeeting = caseChangeRequest<MeetingInput, Meeting>('POST', 'meetings', meetingSchema);

export function useCreateMeeting() {
  return useCaseMutation(createMeeting);
}
