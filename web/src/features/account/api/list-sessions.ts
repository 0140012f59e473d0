import { useQuery } from '@tanstack/react-query';
import { type SessionSummary, sessionListSchema } from '../../../../../src/contract/accounts.ts';
import { getListItems } from '../../../lib/api-client.ts';

export const accountQueryKey = ['account'] as const;
export const sessionsQueryKey = [...accountQueryKey, 'sessions'] as const;

/** `GET /api/sessions`: my signed-in devices. */
export async function listSessions(signal?: AbortSignal): Promise<SessionSummary[]> {
  return getListItems('/api/sessions', sessionListSchema, signal);
}

export function useSessions() {
  return useQuery({ queryKey: sessionsQueryKey, queryFn: ({ signal }) => listSessions(signal) });
}
