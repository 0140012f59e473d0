import { useQuery } from '@tanstack/react-query';
import { type RecidivismPlan, recidivismPlanSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { getJson } from '../../../lib/api-client.ts';

/** Every recidivism-plan query starts with this key, so a change anywhere refreshes them all. */
export const recidivismPlanQueryKey = ['recidivism', 'plan'] as const;

/** `GET /api/recidivism-plan` (recidivismPlans.get): the plan with its ordered challenges. */
export function getRecidivismPlan(signal?: AbortSignal): Promise<RecidivismPlan> {
  return getJson('/api/recidivism-plan', recidivismPlanSchema, signal);
}

export function useRecidivismPlan() {
  return useQuery({ queryKey: recidivismPlanQueryKey, queryFn: ({ signal }) => getRecidivismPlan(signal) });
}
