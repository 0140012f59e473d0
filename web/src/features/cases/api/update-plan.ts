import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Plan, type PlanInput, planSchema } from '../../../../../src/contract/plans.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateCase } from './get-case.ts';

/** `PUT /api/plans/:id` (plans.update): replaces the draft's fields and items. */
export function updatePlan({
  planId,
  input,
}: {
  planId: string;
  caseId: string;
  input: PlanInput;
}): Promise<Plan> {
  return apiRequest('PUT', `/api/plans/${encodeURIComponent(planId)}`, { schema: planSchema, body: input });
}

export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePlan,
    onSuccess: (_data, { caseId }) => invalidateCase(queryClient, caseId),
  });
}
