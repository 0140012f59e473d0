import { useQuery } from '@tanstack/react-query';
import { type TotpStatus, totpStatusSchema } from '../../../../../src/contract/accounts.ts';
import { getJson } from '../../../lib/api-client.ts';
import { accountQueryKey } from './list-sessions.ts';

export const totpQueryKey = [...accountQueryKey, 'totp'] as const;

/** `GET /api/totp`: my two-step verification status. */
export function getTotp(signal?: AbortSignal): Promise<TotpStatus> {
  return getJson('/api/totp', totpStatusSchema, signal);
}

export function useTotpStatus() {
  return useQuery({ queryKey: totpQueryKey, queryFn: ({ signal }) => getTotp(signal) });
}
