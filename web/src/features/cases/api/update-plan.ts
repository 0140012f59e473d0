import { type Plan, type PlanInput, planSchema } from '../../../../../src/contract/plans.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useCaseMutation } from './case-mutation.ts';

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
  return useCaseMutation(updatePlan);
}
