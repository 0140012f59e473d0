import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ProgressInput, progressSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { progressQueryKey } from './list-progress.ts';

/** `PUT /api/programmes/:id/progress/:fiscalYear` (programmeProgress.save) */
export function saveProgress(args: { programmeId: string; fiscalYear: number; input: ProgressInput }) {
  return apiRequest('PUT', `/api/programmes/${args.programmeId}/progress/${args.fiscalYear}`, {
    schema: progressSchema,
    body: args.input,
  });
}

export function useSaveProgress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveProgress,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressQueryKey }),
  });
}
