import { useQuery } from '@tanstack/react-query';
import { easyReadPlanSchema } from '../../../../../src/contract/forms.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { casesQueryKey } from '../../cases/api/get-case.ts';

/** `GET /api/plans/:id/easy-read?format=json` (plans.easyRead): the plan with ふりがな, for the preview. */
export function useEasyReadPlan(caseId: string, planId: string | undefined) {
  return useQuery({
    queryKey: [...casesQueryKey, 'of', caseId, 'easyRead', planId],
    enabled: Boolean(planId),
    queryFn: ({ signal }) =>
      apiGet(
        `/api/plans/${encodeURIComponent(planId ?? '')}/easy-read?format=json`,
        easyReadPlanSchema,
        signal,
      ),
  });
}
