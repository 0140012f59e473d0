import { useQuery } from '@tanstack/react-query';
import { type RecidivismPlan, recidivismPlanSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiGet } from '../../../lib/api-client.ts';

/** Every recidivism-plan query starts with this key, so a change anywhere refreshes them all. */
export const recidivismPlanQueryKey = ['recidivism', 'plan'] as const;

/** `GET /api/recidivism-plan` (recidivismPlans.get): the plan with its ordered challenges. */
export function getRecidivismPlan(signal?: AbortSignal): Promise<RecidivismPlan> {
  return apiGet('/api/recidivism-plan', recidivismPlanSchema, signal);
}

export function useRecidivismPlan() {
  return useQuery({ queryKey: recidivismPlanQueryKey, queryFn: ({ signal }) => getRecidivismPlan(signal) });
}

/** The plan's period in 年度 (`from`–`to`): it bounds the 年度 selectors of 進捗管理 and 会議資料. */
export function usePlanPeriod() {
  return useQuery({
    queryKey: recidivismPlanQueryKey,
    queryFn: ({ signal }) => getRecidivismPlan(signal),
    select: (plan) => ({ from: plan.periodFromFiscalYear, to: plan.periodToFiscalYear }),
  });
}
