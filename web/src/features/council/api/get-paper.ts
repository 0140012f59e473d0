import { useQuery } from '@tanstack/react-query';
import { councilPaperSchema } from '../../../../../src/contract/council.ts';
import { apiGet } from '../../../lib/api-client.ts';

/** `GET /api/council/meetings/:id/paper?fiscalYear=` (councilMeetings.paper) as JSON for the screen */
export function useCouncilPaper(meetingId: string, fiscalYear: number | null) {
  return useQuery({
    queryKey: ['council', 'paper', meetingId, fiscalYear],
    enabled: fiscalYear !== null,
    queryFn: ({ signal }) =>
      apiGet(`/api/council/meetings/${meetingId}/paper?fiscalYear=${fiscalYear}`, councilPaperSchema, signal),
  });
}

/** The same paper as a file to download (PDF with an embedded Japanese font, xlsx or CSV). */
export function paperUrl(meetingId: string, fiscalYear: number, format: 'pdf' | 'xlsx' | 'csv'): string {
  return `/api/council/meetings/${meetingId}/paper?fiscalYear=${fiscalYear}&format=${format}`;
}
