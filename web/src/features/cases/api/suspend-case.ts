import type { z } from 'zod';
import {
  type CaseDetail,
  caseDetailSchema,
  type caseReasonInputSchema,
} from '../../../../../src/contract/cases.ts';
import { caseChangeRequest, useCaseMutation } from './case-mutation.ts';

/** `POST /api/cases/:id/suspend` (cases.suspend) with the reason. */
export const suspendCase = caseChangeRequest<z.output<typeof caseReasonInputSchema>, CaseDetail>(
  'POST',
  'suspend',
  caseDetailSchema,
);

export function useSuspendCase() {
  return useCaseMutation(suspendCase);
}
