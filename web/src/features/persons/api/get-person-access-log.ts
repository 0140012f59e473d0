import { useInfiniteQuery } from '@tanstack/react-query';
import { type AccessLog, accessLogSchema } from '../../../../../src/contract/auditEvents.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { keysetPagesOptions, withPage } from '../../../lib/keyset-pages.ts';
import { personsQueryKey } from './search-persons.ts';

/** `GET /api/persons/:id/access-log?limit=&cursor=` → who has seen this person (persons.accessLog). */
export function getPersonAccessLog(
  personId: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<AccessLog> {
  const query = withPage(new URLSearchParams(), 20, cursor);
  return apiRequest('GET', `/api/persons/${encodeURIComponent(personId)}/access-log?${query}`, {
    schema: accessLogSchema,
    ...(signal ? { signal } : {}),
  });
}

export function usePersonAccessLog(personId: string) {
  return useInfiniteQuery(
    keysetPagesOptions([...personsQueryKey, 'accessLog', personId], (cursor, signal) =>
      getPersonAccessLog(personId, cursor, signal),
    ),
  );
}
