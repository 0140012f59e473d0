import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type PasswordChange, revokedCountSchema } from '../../../../../src/contract/accounts.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../session/api/get-session.ts';
import { sessionsQueryKey } from './list-sessions.ts';

/** `POST /api/session/password` → `{ revoked }` (my other sessions end). */
export function changePassword(input: PasswordChange): Promise<{ revoked: number }> {
  return apiRequest('POST', '/api/session/password', { schema: revokedCountSchema, body: input });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
        // a change the administrator required lifts the restriction (passwordChangeRequired)
        queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
      ]),
  });
}
