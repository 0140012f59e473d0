/** `GET /api/council/meetings/:id/attachments/:attachmentId` (councilMeetings.attachment): a download link */
export function materialUrl(meetingId: string, attachmentId: string): string {
  return `/api/council/meetings/${meetingId}/attachments/${attachmentId}`;
}
