import {
  type ProgressNote,
  type ProgressNoteInput,
  progressNoteSchema,
} from '../../../../../src/contract/progressNotes.ts';
import { caseChangeRequest, useMutationOfCase } from '../../cases/api/case-mutation.ts';

/** `POST /api/cases/:id/progress-notes` (progressNotes.create). */
const createProgressNote = caseChangeRequest<ProgressNoteInput, ProgressNote>(
  'POST',
  'progress-notes',
  progressNoteSchema,
);

/** Records a progress note of the case; the timeline is read again after. */
export function useCreateProgressNote(caseId: string) {
  return useMutationOfCase(caseId, (input: ProgressNoteInput) => createProgressNote({ caseId, input }));
}
