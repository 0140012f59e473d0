import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type RecoveryCodes,
  recoveryCodesSchema,
  type TotpCode,
} from '../../../../../src/contract/accounts.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../session/api/get-session.ts';
import { totpQueryKey } from './get-totp.ts';

/** `POST /api/totp/activate` → one-time recovery codes. */
export function activateTotp(input: TotpCode): Promise<RecoveryCodes> {
  return apiRequest('POST', '/api/totp/activate', { schema: recoveryCodesSchema, body: input });
}

export function useActivateTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: activateTotp,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: totpQueryKey });
      // An enrolment the city required unlocks the rest of the app.
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
