import { useQuery } from '@tanstack/react-query';
import { type SessionSummary, sessionListSchema } from '../../../../../src/contract/accounts.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const accountQueryKey = ['account'] as const;
export const sessionsQueryKey = [...accountQueryKey, 'sessions'] as const;

/** `GET /api/sessions`: my signed-in devices. */
export async function listSessions(signal?: AbortSignal): Promise<SessionSummary[]> {
  const list = await apiRequest('GET', '/api/sessions', {
    schema: sessionListSchema,
    ...(signal ? { signal } : {}),
  });
  return list.items;
}

export function useSessions() {
  return useQuery({ queryKey: sessionsQueryKey, queryFn: ({ signal }) => listSessions(signal) });
}
