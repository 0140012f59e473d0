import { councilAttachmentSchema } from '../../../../../src/contract/council.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { councilMeetingsQueryKey } from './list-meetings.ts';

/** `POST /api/council/meetings/:id/attachments` (councilMeetings.attach): base64 JSON */
export function attachMaterial(args: { meetingId: string; fileName: string; contentBase64: string }) {
  return apiRequest('POST', `/api/council/meetings/${args.meetingId}/attachments`, {
    schema: councilAttachmentSchema,
    body: { fileName: args.fileName, contentBase64: args.contentBase64 },
  });
}

export function useAttachMaterial() {
  return useRefreshingMutation(attachMaterial, councilMeetingsQueryKey);
}
