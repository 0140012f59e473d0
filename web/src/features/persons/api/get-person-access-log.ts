import { useInfiniteQuery } from '@tanstack/react-query';
import { type AccessLog, accessLogSchema } from '../../../../../src/contract/auditEvents.ts';
import { getJson } from '../../../lib/api-client.ts';
import { personsQueryKey } from './search-persons.ts';

/** `GET /api/persons/:id/access-log?limit=&cursor=` → who has seen this person (persons.accessLog). */
export function getPersonAccessLog(
  personId: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<AccessLog> {
  const query = new URLSearchParams({ limit: '20' });
  if (cursor) query.set('cursor', cursor);
  return getJson(`/api/persons/${encodeURIComponent(personId)}/access-log?${query}`, accessLogSchema, signal);
}

export function usePersonAccessLog(personId: string) {
  return useInfiniteQuery({
    queryKey: [...personsQueryKey, 'accessLog', personId],
    queryFn: ({ pageParam, signal }) => getPersonAccessLog(personId, pageParam || undefined, signal),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
