import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Plan, planListSchema } from '../../../../../src/contract/plans.ts';
import { getListItems } from '../../../lib/api-client.ts';
import { casesQueryKey } from './get-case.ts';

/**
 * `GET /api/cases/:id/plans?limit=100` (plans.list): every version, newest first. A case has a
 * handful of versions; one page of 100 holds them all.
 */
export async function listPlans(caseId: string, signal?: AbortSignal): Promise<Plan[]> {
  return getListItems(`/api/cases/${encodeURIComponent(caseId)}/plans?limit=100`, planListSchema, signal);
}

export const plansQueryKey = (caseId: string) => [...casesQueryKey, 'of', caseId, 'plans'] as const;

export function plansQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: plansQueryKey(caseId),
    queryFn: ({ signal }) => listPlans(caseId, signal),
  });
}

export function usePlans(caseId: string) {
  return useQuery(plansQueryOptions(caseId));
}
