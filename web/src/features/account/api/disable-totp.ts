import type { TotpCode } from '../../../../../src/contract/accounts.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { totpQueryKey } from './get-totp.ts';

/** `POST /api/totp/disable` → 204 (needs a current code). */
export function disableTotp(input: TotpCode): Promise<undefined> {
  return apiRequest('POST', '/api/totp/disable', { body: input });
}

export function useDisableTotp() {
  return useRefreshingMutation(disableTotp, totpQueryKey);
}
