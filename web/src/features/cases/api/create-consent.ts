import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Consent, type ConsentInput, consentSchema } from '../../../../../src/contract/consents.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateCase } from './get-case.ts';

/** `POST /api/consents` (consents.create) for a person of the case, recorded for the case. */
export function createConsent(input: ConsentInput): Promise<Consent> {
  return apiRequest('POST', '/api/consents', { schema: consentSchema, body: input });
}

export function useCreateConsent(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createConsent,
    onSuccess: () => invalidateCase(queryClient, caseId),
  });
}
