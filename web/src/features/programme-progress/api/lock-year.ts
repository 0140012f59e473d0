import { yearLockSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { progressQueryKey } from './list-progress.ts';

/** `POST /api/programme-progress/:fiscalYear/lock` (programmeProgress.lockYear) */
export function lockYear(fiscalYear: number) {
  return apiRequest('POST', `/api/programme-progress/${fiscalYear}/lock`, { schema: yearLockSchema });
}

export function useLockYear() {
  return useRefreshingMutation(lockYear, progressQueryKey);
}
