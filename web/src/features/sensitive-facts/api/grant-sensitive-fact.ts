import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type GrantInput,
  type SensitiveFact,
  sensitiveFactSchema,
} from '../../../../../src/contract/sensitiveFacts.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { sensitiveFactsQueryKey } from './list-sensitive-facts.ts';

/** `POST /api/sensitive-facts/:id/grants` (sensitiveFacts.grant). */
export function grantSensitiveFact(factId: string, input: GrantInput): Promise<SensitiveFact> {
  return apiRequest('POST', `/api/sensitive-facts/${encodeURIComponent(factId)}/grants`, {
    schema: sensitiveFactSchema,
    body: input,
  });
}

export function useGrantSensitiveFact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ factId, input }: { factId: string; input: GrantInput }) =>
      grantSensitiveFact(factId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sensitiveFactsQueryKey }),
  });
}
