import { useQuery } from '@tanstack/react-query';
import { type PlanComparison, planComparisonSchema } from '../../../../../src/contract/plans.ts';
import { getJson } from '../../../lib/api-client.ts';
import { casesQueryKey } from './get-case.ts';

/** `GET /api/plans/:id/compare?with=` (plans.compare): two versions, always older → newer. */
export function comparePlans(planId: string, withId: string, signal?: AbortSignal): Promise<PlanComparison> {
  return getJson(
    `/api/plans/${encodeURIComponent(planId)}/compare?with=${encodeURIComponent(withId)}`,
    planComparisonSchema,
    signal,
  );
}

export function usePlanComparison(caseId: string, pair: { a: string; b: string } | null) {
  return useQuery({
    queryKey: [...casesQueryKey, 'of', caseId, 'compare', pair?.a, pair?.b],
    queryFn: ({ signal }) => comparePlans(pair?.a ?? '', pair?.b ?? '', signal),
    enabled: pair !== null,
  });
}
