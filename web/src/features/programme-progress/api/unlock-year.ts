import { useMutation, useQueryClient } from '@tanstack/react-query';
import { yearUnlockSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { progressQueryKey } from './list-progress.ts';

/** `POST /api/programme-progress/:fiscalYear/unlock` (programmeProgress.unlockYear), with the reason */
export function unlockYear({ fiscalYear, reason }: { fiscalYear: number; reason: string }) {
  return apiRequest('POST', `/api/programme-progress/${fiscalYear}/unlock`, {
    schema: yearUnlockSchema,
    body: { reason },
  });
}

export function useUnlockYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockYear,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressQueryKey }),
  });
}
