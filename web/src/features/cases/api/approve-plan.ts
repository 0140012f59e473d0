import { type Plan, planSchema } from '../../../../../src/contract/plans.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useCaseMutation } from './case-mutation.ts';

/** `POST /api/plans/:id/approve` (plans.approve) naming the held 重層的支援会議 that decided it. */
export function approvePlan({
  planId,
  meetingId,
}: {
  planId: string;
  caseId: string;
  meetingId: string;
}): Promise<Plan> {
  return apiRequest('POST', `/api/plans/${encodeURIComponent(planId)}/approve`, {
    schema: planSchema,
    body: { meetingId },
  });
}

export function useApprovePlan() {
  return useCaseMutation(approvePlan);
}
