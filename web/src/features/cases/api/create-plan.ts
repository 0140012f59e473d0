import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Plan, type PlanInput, planSchema } from '../../../../../src/contract/plans.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateCase } from './get-case.ts';

/** `POST /api/cases/:id/plans` (plans.create): the draft of the next version. */
export function createPlan({ caseId, input }: { caseId: string; input: PlanInput }): Promise<Plan> {
  return apiRequest('POST', `/api/cases/${encodeURIComponent(caseId)}/plans`, {
    schema: planSchema,
    body: input,
  });
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlan,
    onSuccess: (_data, { caseId }) => invalidateCase(queryClient, caseId),
  });
}
