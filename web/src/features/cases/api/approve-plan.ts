import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Plan, planSchema } from '../../../../../src/contract/plans.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateCase } from './get-case.ts';

/** `POST /api/plans/:id/approve` (plans.approve) naming the held 重層的支援会議 that decided it. */
export function approvePlan({
  planId,
  meetingId,
}: {
  planId: string;
  caseId: string;
  meetingId: string;
}): Promise<Plan> {
  return apiRequest('POST', `/api/plans/${encodeURIComponent(planId)}/approve`, {
    schema: planSchema,
    body: { meetingId },
  });
}

export function useApprovePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approvePlan,
    onSuccess: (_data, { caseId }) => invalidateCase(queryClient, caseId),
  });
}
