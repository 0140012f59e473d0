import { yearUnlockSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { progressQueryKey } from './list-progress.ts';

/** `POST /api/programme-progress/:fiscalYear/unlock` (programmeProgress.unlockYear), with the reason */
export function unlockYear({ fiscalYear, reason }: { fiscalYear: number; reason: string }) {
  return apiRequest('POST', `/api/programme-progress/${fiscalYear}/unlock`, {
    schema: yearUnlockSchema,
    body: { reason },
  });
}

export function useUnlockYear() {
  return useRefreshingMutation(unlockYear, progressQueryKey);
}
