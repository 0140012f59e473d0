import { useInfiniteQuery } from '@tanstack/react-query';
import { type AccessLog, accessLogSchema } from '../../../../../src/contract/auditEvents.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { keysetPagesOptions, withPage } from '../../../lib/keyset-pages.ts';
import { personsQueryKey } from './search-persons.ts';

/** `GET /api/persons/:id/access-log?limit=&cursor=` → who has seen this person (persons.accessLog). */
export function getPersonAccessLog(
  personId: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<AccessLog> {
  const query = withPage(new URLSearchParams(), 20, cursor);
  return apiGet(`/api/persons/${encodeURIComponent(personId)}/access-log?${query}`, accessLogSchema, signal);
}

export function usePersonAccessLog(personId: string) {
  return useInfiniteQuery(
    keysetPagesOptions([...personsQueryKey, 'accessLog', personId], (cursor, signal) =>
      getPersonAccessLog(personId, cursor, signal),
    ),
  );
}
