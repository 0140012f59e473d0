import { type Consent, type ConsentInput, consentSchema } from '../../../../../src/contract/consents.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useMutationOfCase } from './case-mutation.ts';

/** `POST /api/consents` (consents.create) for a person of the case, recorded for the case. */
export function createConsent(input: ConsentInput): Promise<Consent> {
  return apiRequest('POST', '/api/consents', { schema: consentSchema, body: input });
}

export function useCreateConsent(caseId: string) {
  return useMutationOfCase(caseId, createConsent);
}
