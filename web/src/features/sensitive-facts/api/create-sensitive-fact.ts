import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type SensitiveFact,
  type SensitiveFactInput,
  sensitiveFactSchema,
} from '../../../../../src/contract/sensitiveFacts.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { sensitiveFactsQueryKey } from './list-sensitive-facts.ts';

/** `POST /api/sensitive-facts` (sensitiveFacts.create). */
export function createSensitiveFact(input: SensitiveFactInput): Promise<SensitiveFact> {
  return apiRequest('POST', '/api/sensitive-facts', { schema: sensitiveFactSchema, body: input });
}

export function useCreateSensitiveFact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSensitiveFact,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sensitiveFactsQueryKey }),
  });
}
