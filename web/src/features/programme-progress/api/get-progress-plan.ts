import { useQuery } from '@tanstack/react-query';
import { recidivismPlanSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiGet } from '../../../lib/api-client.ts';

/** `GET /api/recidivism-plan` (recidivismPlans.get): the plan period bounds the 年度 selector. */
export function usePlanPeriod() {
  return useQuery({
    queryKey: ['recidivism', 'plan'],
    queryFn: ({ signal }) => apiGet('/api/recidivism-plan', recidivismPlanSchema, signal),
    select: (plan) => ({ from: plan.periodFromFiscalYear, to: plan.periodToFiscalYear }),
  });
}
