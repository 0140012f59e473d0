import type { z } from 'zod';
import {
  type CaseDetail,
  caseDetailSchema,
  type caseReasonInputSchema,
} from '../../../../../src/contract/cases.ts';
import { caseChangeRequest, useCaseMutation } from './case-mutation.ts';

/** `POST /api/cases/:id/reopen` (cases.reopen) with the reason. */
export const reopenCase = caseChangeRequest<z.output<typeof caseReasonInputSchema>, CaseDetail>(
  'POST',
  'reopen',
  caseDetailSchema,
);

export function useReopenCase() {
  return useCaseMutation(reopenCase);
}
