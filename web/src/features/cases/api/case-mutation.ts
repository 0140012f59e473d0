import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateCase } from './get-case.ts';

/** A change sent to one case: which case, and the body sent. */
export type CaseChange<Input> = { caseId: string; input: Input };

/**
 * The request of a change at one of a case's own addresses (`/api/cases/:id/<action>`): it sends
 * the change's `input` and reads the answer with `schema`.
 */
export function caseChangeRequest<Input, Result>(
  method: 'POST' | 'PUT',
  action: string,
  schema: z.ZodType<Result>,
): (change: CaseChange<Input>) => Promise<Result> {
  return ({ caseId, input }) =>
    apiRequest(method, `/api/cases/${encodeURIComponent(caseId)}/${action}`, { schema, body: input });
}

/** A mutation whose variables name the case it changes; once it succeeds, that case is read again. */
export function useCaseMutation<Variables extends { caseId: string }, Result>(
  mutationFn: (variables: Variables) => Promise<Result>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (_data, { caseId }) => invalidateCase(queryClient, caseId),
  });
}

/** A mutation of something of the given case (a consent, its household); once it succeeds, the case is read again. */
export function useMutationOfCase<Variables, Result>(
  caseId: string,
  mutationFn: (variables: Variables) => Promise<Result>,
) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => invalidateCase(queryClient, caseId) });
}
