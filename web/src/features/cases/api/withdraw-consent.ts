import {
  type Consent,
  type ConsentWithdrawInput,
  consentSchema,
} from '../../../../../src/contract/consents.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useMutationOfCase } from './case-mutation.ts';

/** `POST /api/consents/:id/withdraw` (consents.withdraw): takes effect at once. */
export function withdrawConsent(consentId: string, input: ConsentWithdrawInput): Promise<Consent> {
  return apiRequest('POST', `/api/consents/${encodeURIComponent(consentId)}/withdraw`, {
    schema: consentSchema,
    body: input,
  });
}

export function useWithdrawConsent(caseId: string) {
  return useMutationOfCase(
    caseId,
    ({ consentId, input }: { consentId: string; input: ConsentWithdrawInput }) =>
      withdrawConsent(consentId, input),
  );
}
