import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { caseListSchema } from '../../../../../src/contract/cases.ts';
import { getJson } from '../../../lib/api-client.ts';
import { type CaseListFilter, caseFilterKeys } from '../case-filter.ts';
import { casesQueryKey } from './get-case.ts';

const pageSize = 20;

/** The filter as query parameters (only the fields that are set). */
export function caseFilterParams(filter: CaseListFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of caseFilterKeys) {
    const value = filter[key];
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return query;
}

/** `GET /api/cases?q=&stage=&…&limit=&cursor=` (cases.list): the cases my organisation takes part in. */
export function listCases(filter: CaseListFilter, cursor: string | undefined, signal?: AbortSignal) {
  const query = caseFilterParams(filter);
  query.set('limit', String(pageSize));
  if (cursor) query.set('cursor', cursor);
  return getJson(`/api/cases?${query.toString()}`, caseListSchema, signal);
}

export function caseListQueryOptions(filter: CaseListFilter) {
  return infiniteQueryOptions({
    queryKey: [...casesQueryKey, 'list', filter],
    queryFn: ({ pageParam, signal }) => listCases(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Keyset pages, loaded one after another with 「さらに表示」. */
export function useCases(filter: CaseListFilter) {
  return useInfiniteQuery(caseListQueryOptions(filter));
}
