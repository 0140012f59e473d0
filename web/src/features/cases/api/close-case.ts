import { type CaseDetail, type CloseCaseInput, caseDetailSchema } from '../../../../../src/contract/cases.ts';
import { caseChangeRequest, useCaseMutation } from './case-mutation.ts';

/** `POST /api/cases/:id/close` (cases.close) with reason, evaluation and, if any, the lead organisation. */
export const closeCase = caseChangeRequest<CloseCaseInput, CaseDetail>('POST', 'close', caseDetailSchema);

export function useCloseCase() {
  return useCaseMutation(closeCase);
}
