import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { personSearchListSchema } from '../../../../../src/contract/persons.ts';
import { getJson } from '../../../lib/api-client.ts';

export type PersonSearchList = z.infer<typeof personSearchListSchema>;
export type PersonSearchResult = PersonSearchList['items'][number];

export const personsQueryKey = ['persons'] as const;

export type PersonSearch = { q: string; birthDate?: string };

/** `GET /api/persons?q=&birthDate=&limit=&cursor=` → persons I may see, by name, reading, 宛名番号 or birth date. */
export function searchPersons(
  search: PersonSearch & { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<PersonSearchList> {
  const query = new URLSearchParams({ q: search.q, limit: String(search.limit ?? 20) });
  if (search.birthDate) query.set('birthDate', search.birthDate);
  if (search.cursor) query.set('cursor', search.cursor);
  return getJson(`/api/persons?${query}`, personSearchListSchema, signal);
}

/** Search pages, "さらに表示" fetching the next one; disabled until there is something to search for. */
export function usePersonSearch(search: PersonSearch | null) {
  return useInfiniteQuery({
    queryKey: [...personsQueryKey, 'search', search],
    queryFn: ({ pageParam, signal }) =>
      searchPersons({ ...(search as PersonSearch), ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: search !== null,
    placeholderData: keepPreviousData,
  });
}
