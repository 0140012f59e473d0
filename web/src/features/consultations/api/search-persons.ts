import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { personSearchListSchema } from '../../../../../src/contract/persons.ts';
import { getJson } from '../../../lib/api-client.ts';

export type PersonCandidate = z.infer<typeof personSearchListSchema>['items'][number];

/**
 * `GET /api/persons?kana=&limit=10` → the first persons I may see with this reading, for picking the
 * 本人 or a household member at intake (the persons feature has the full search screen).
 */
export async function searchPersonCandidates(kana: string, signal?: AbortSignal): Promise<PersonCandidate[]> {
  const query = new URLSearchParams({ kana, limit: '10' });
  const list = await getJson(`/api/persons?${query}`, personSearchListSchema, signal);
  return list.items;
}

export function usePersonCandidates(kana: string) {
  return useQuery({
    queryKey: ['persons', 'candidates', kana],
    queryFn: ({ signal }) => searchPersonCandidates(kana, signal),
    enabled: kana !== '',
    placeholderData: keepPreviousData,
    // A search is audited on the server; the same reading typed again within a minute is not re-sent.
    staleTime: 60_000,
  });
}
