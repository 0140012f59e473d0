import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TotpCode } from '../../../../../src/contract/accounts.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { totpQueryKey } from './get-totp.ts';

/** `POST /api/totp/disable` → 204 (needs a current code). */
export function disableTotp(input: TotpCode): Promise<undefined> {
  return apiRequest('POST', '/api/totp/disable', { body: input });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: totpQueryKey }),
  });
}
