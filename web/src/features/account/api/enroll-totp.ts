import { useMutation } from '@tanstack/react-query';
import { type TotpEnrolment, totpEnrolmentSchema } from '../../../../../src/contract/accounts.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** `POST /api/totp/enroll`: a new secret and its otpauth URI (not on until activated). */
export function enrollTotp(): Promise<TotpEnrolment> {
  return apiRequest('POST', '/api/totp/enroll', { schema: totpEnrolmentSchema });
}

export function useEnrollTotp() {
  return useMutation({ mutationFn: enrollTotp });
}
