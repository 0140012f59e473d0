import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CaseDetail, type CloseCaseInput, caseDetailSchema } from '../../../../../src/contract/cases.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateCase } from './get-case.ts';

/** `POST /api/cases/:id/close` (cases.close) with reason, evaluation and, if any, the lead organisation. */
export function closeCase({ caseId, input }: { caseId: string; input: CloseCaseInput }): Promise<CaseDetail> {
  return apiRequest('POST', `/api/cases/${encodeURIComponent(caseId)}/close`, {
    schema: caseDetailSchema,
    body: input,
  });
}

export function useCloseCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeCase,
    onSuccess: (_data, { caseId }) => invalidateCase(queryClient, caseId),
  });
}
