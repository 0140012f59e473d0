import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type Assessment,
  type AssessmentInput,
  assessmentSchema,
} from '../../../../../src/contract/assessments.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateCase } from './get-case.ts';

/** `PUT /api/cases/:id/assessment` (assessments.save): a new version of the 課題整理. */
export function saveAssessment({
  caseId,
  input,
}: {
  caseId: string;
  input: AssessmentInput;
}): Promise<Assessment> {
  return apiRequest('PUT', `/api/cases/${encodeURIComponent(caseId)}/assessment`, {
    schema: assessmentSchema,
    body: input,
  });
}

export function useSaveAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAssessment,
    onSuccess: (_data, { caseId }) => invalidateCase(queryClient, caseId),
  });
}
