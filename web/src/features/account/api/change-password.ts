import { type PasswordChange, revokedCountSchema } from '../../../../../src/contract/accounts.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { sessionQueryKey } from '../../session/api/get-session.ts';
import { sessionsQueryKey } from './list-sessions.ts';

/** `POST /api/session/password` → `{ revoked }` (my other sessions end). */
export function changePassword(input: PasswordChange): Promise<{ revoked: number }> {
  return apiRequest('POST', '/api/session/password', { schema: revokedCountSchema, body: input });
}

/** The session is read again: a change the administrator required lifts the restriction (passwordChangeRequired). */
export function useChangePassword() {
  return useRefreshingMutation(changePassword, sessionsQueryKey, sessionQueryKey);
}
