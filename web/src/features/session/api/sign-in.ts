import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Me, meSchema, type SignIn } from '../../../../../src/contract/session.ts';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';
import { sessionQueryKey } from './get-session.ts';

/** `POST /api/session`: signs in and returns the new session (no CSRF token yet, by design). */
export async function signIn(input: SignIn): Promise<Me> {
  const me = await apiRequest('POST', '/api/session', { schema: meSchema, body: input });
  setCsrfToken(me.csrfToken);
  return me;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (me) => {
      // Whatever a previous user left in the cache must not be shown to this one.
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, me);
    },
  });
}
