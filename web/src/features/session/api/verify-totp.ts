import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SecondFactor } from '../../../../../src/contract/accounts.ts';
import { type Me, meSchema } from '../../../../../src/contract/session.ts';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';
import { sessionQueryKey } from './get-session.ts';

/** `POST /api/session/totp`: the sign-in second step (a 6-digit code or a recovery code). */
export async function verifyTotp(input: SecondFactor): Promise<Me> {
  const me = await apiRequest('POST', '/api/session/totp', { schema: meSchema, body: input });
  setCsrfToken(me.csrfToken);
  return me;
}

export function useVerifyTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyTotp,
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, me);
    },
  });
}
