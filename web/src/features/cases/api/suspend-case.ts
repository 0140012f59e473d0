import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type CaseDetail,
  caseDetailSchema,
  type caseReasonInputSchema,
} from '../../../../../src/contract/cases.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateCase } from './get-case.ts';

/** `POST /api/cases/:id/suspend` (cases.suspend) with the reason. */
export function suspendCase({
  caseId,
  input,
}: {
  caseId: string;
  input: z.output<typeof caseReasonInputSchema>;
}): Promise<CaseDetail> {
  return apiRequest('POST', `/api/cases/${encodeURIComponent(caseId)}/suspend`, {
    schema: caseDetailSchema,
    body: input,
  });
}

export function useSuspendCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: suspendCase,
    onSuccess: (_data, { caseId }) => invalidateCase(queryClient, caseId),
  });
}
