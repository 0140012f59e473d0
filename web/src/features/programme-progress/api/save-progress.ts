import { type ProgressInput, progressSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { progressQueryKey } from './list-progress.ts';

/** `PUT /api/programmes/:id/progress/:fiscalYear` (programmeProgress.save) */
export function saveProgress(args: { programmeId: string; fiscalYear: number; input: ProgressInput }) {
  return apiRequest('PUT', `/api/programmes/${args.programmeId}/progress/${args.fiscalYear}`, {
    schema: progressSchema,
    body: args.input,
  });
}

export function useSaveProgress() {
  return useRefreshingMutation(saveProgress, progressQueryKey);
}
