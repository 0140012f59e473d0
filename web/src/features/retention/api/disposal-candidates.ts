import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type DisposalCandidates,
  type DisposalRecord,
  disposalCandidatesSchema,
  disposalRecordSchema,
} from '../../../../../src/contract/retention.ts';
import { apiRequest, getJson } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import type { DisposalSelection } from '../disposal-selection.ts';
import { disposalRecordsQueryKey } from './disposal-records.ts';

export const disposalCandidatesQueryKey = ['disposalCandidates'] as const;

/** `GET /api/disposals/candidates` (disposals.list): today's list (the look is audited). */
export function getDisposalCandidates(signal?: AbortSignal): Promise<DisposalCandidates> {
  return getJson('/api/disposals/candidates', disposalCandidatesSchema, signal);
}

export function useDisposalCandidates() {
  return useQuery({
    queryKey: disposalCandidatesQueryKey,
    queryFn: ({ signal }) => getDisposalCandidates(signal),
  });
}

/** `POST /api/disposals` (disposals.approve) → 201 the record of what was disposed. */
export function approveDisposal(selection: DisposalSelection): Promise<DisposalRecord> {
  return apiRequest('POST', '/api/disposals', { schema: disposalRecordSchema, body: selection });
}

export function useApproveDisposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveDisposal,
    // after an approval, and after a 409 (the list changed meanwhile), show today's list again
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: disposalCandidatesQueryKey }),
        queryClient.invalidateQueries({ queryKey: disposalRecordsQueryKey }),
      ]),
  });
}

const holdResultSchema = z.object({ id: z.string(), reason: z.string().nullable() });

/** `PUT /api/cases/:id/retention-hold` (cases.holdRetention): hold a case off the list, or lift the hold (null). */
export function holdRetention({ caseId, reason }: { caseId: string; reason: string | null }) {
  return apiRequest('PUT', `/api/cases/${encodeURIComponent(caseId)}/retention-hold`, {
    schema: holdResultSchema,
    body: { reason },
  });
}

export function useHoldRetention() {
  return useRefreshingMutation(holdRetention, disposalCandidatesQueryKey);
}
