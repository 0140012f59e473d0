import { type Consent, type ConsentScanInput, consentSchema } from '../../../../../src/contract/consents.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useMutationOfCase } from './case-mutation.ts';

/** `PUT /api/consents/:id/scan` (consents.attachScan): the scanned form as base64 JSON. */
export function attachConsentScan(consentId: string, input: ConsentScanInput): Promise<Consent> {
  return apiRequest('PUT', `/api/consents/${encodeURIComponent(consentId)}/scan`, {
    schema: consentSchema,
    body: input,
  });
}

/** The download address of `GET /api/consents/:id/scan` (consents.scan), opened as a plain link. */
export const consentScanUrl = (consentId: string) => `/api/consents/${encodeURIComponent(consentId)}/scan`;

export function useAttachConsentScan(caseId: string) {
  return useMutationOfCase(caseId, ({ consentId, input }: { consentId: string; input: ConsentScanInput }) =>
    attachConsentScan(consentId, input),
  );
}
