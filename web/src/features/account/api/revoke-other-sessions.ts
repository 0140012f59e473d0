import { revokedCountSchema } from '../../../../../src/contract/accounts.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { sessionsQueryKey } from './list-sessions.ts';

/** `POST /api/sessions/revoke-others` → `{ revoked }`: この端末以外をログアウト. */
export function revokeOtherSessions(): Promise<{ revoked: number }> {
  return apiRequest('POST', '/api/sessions/revoke-others', { schema: revokedCountSchema });
}

export function useRevokeOtherSessions() {
  return useRefreshingMutation(revokeOtherSessions, sessionsQueryKey);
}
