import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ProgressNote,
  type ProgressNoteInput,
  progressNoteSchema,
} from '../../../../../src/contract/progressNotes.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateCase } from '../../cases/api/get-case.ts';

/** `POST /api/cases/:id/progress-notes` (progressNotes.create); the timeline is read again after. */
export function useCreateProgressNote(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgressNoteInput): Promise<ProgressNote> =>
      apiRequest('POST', `/api/cases/${encodeURIComponent(caseId)}/progress-notes`, {
        schema: progressNoteSchema,
        body: input,
      }),
    onSuccess: () => invalidateCase(queryClient, caseId),
  });
}
