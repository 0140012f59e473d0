import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Me, meSchema } from '../../../../../src/contract/session.ts';
import { ApiError, getJson, setCsrfToken } from '../../../lib/api-client.ts';

export const sessionQueryKey = ['session'] as const;

/** `GET /api/session`: the signed-in user, or `null` when there is no session (401). */
export async function getSession(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await getJson('/api/session', meSchema, signal);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The session query; kept until sign-out or a 401 clears the cache. */
export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}
