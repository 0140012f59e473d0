import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { sessionsQueryKey } from './list-sessions.ts';

/** `DELETE /api/sessions/:id` → 204: signs that device out (this one: signs me out). */
export function revokeSession(id: string): Promise<undefined> {
  return apiRequest('DELETE', `/api/sessions/${encodeURIComponent(id)}`);
}

export function useRevokeSession() {
  return useRefreshingMutation(revokeSession, sessionsQueryKey);
}
