import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type BulkReassignInput,
  type BulkReassignResult,
  bulkReassignResultSchema,
} from '../../../../../src/contract/accounts.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** `POST /api/users/bulk-reassign[?dryRun=true]`: the April reshuffle, or its preview. */
export function bulkReassign(input: BulkReassignInput & { dryRun: boolean }): Promise<BulkReassignResult> {
  const { dryRun, ...body } = input;
  return apiRequest('POST', `/api/users/bulk-reassign${dryRun ? '?dryRun=true' : ''}`, {
    schema: bulkReassignResultSchema,
    body,
  });
}

export function useBulkReassign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkReassign,
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
