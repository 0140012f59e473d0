import { type Plan, type PlanInput, planSchema } from '../../../../../src/contract/plans.ts';
import { caseChangeRequest, useCaseMutation } from './case-mutation.ts';

/** `POST /api/cases/:id/plans` (plans.create): the draft of the next version. */
export const createPlan = caseChangeRequest<PlanInput, Plan>('POST', 'plans', planSchema);

export function useCreatePlan() {
  return useCaseMutation(createPlan);
}
