import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { secondFactorPendingSchema } from '../../../../../src/contract/accounts.ts';
import { type Me, meSchema, type SignIn } from '../../../../../src/contract/session.ts';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';
import { sessionQueryKey } from './get-session.ts';

export type SignInResult = { kind: 'signedIn'; me: Me } | { kind: 'secondFactor'; expiresAt: string };

const signInAnswerSchema = z.union([meSchema, secondFactorPendingSchema]);

/**
 * `POST /api/session`: signs in and returns the new session (no CSRF token yet, by design), or —
 * when the account uses two-step verification — 202 with a pending second step.
 */
export async function signIn(input: SignIn): Promise<SignInResult> {
  const answer = await apiRequest('POST', '/api/session', { schema: signInAnswerSchema, body: input });
  if ('secondFactorRequired' in answer) return { kind: 'secondFactor', expiresAt: answer.expiresAt };
  setCsrfToken(answer.csrfToken);
  return { kind: 'signedIn', me: answer };
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (result) => {
      if (result.kind !== 'signedIn') return;
      // Whatever a previous user left in the cache must not be shown to this one.
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, result.me);
    },
  });
}
