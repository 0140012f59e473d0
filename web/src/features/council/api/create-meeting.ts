import type { z } from 'zod';
import { type councilMeetingInputSchema, councilMeetingSchema } from '../../../../../src/contract/council.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { councilMeetingsQueryKey } from './list-meetings.ts';

export type CouncilMeetingInput = z.output<typeof councilMeetingInputSchema>;

/** `POST /api/council/meetings` (councilMeetings.create) → 201 */
export function createCouncilMeeting(input: CouncilMeetingInput) {
  return apiRequest('POST', '/api/council/meetings', { schema: councilMeetingSchema, body: input });
}

export function useCreateCouncilMeeting() {
  return useRefreshingMutation(createCouncilMeeting, councilMeetingsQueryKey);
}
