import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { caseListSchema } from '../../../../../src/contract/cases.ts';
import type { CaseStage } from '../../../../../src/domain/caseStage.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { casesQueryKey } from './get-case.ts';

export type CaseListFilter = { q?: string | undefined; stage?: CaseStage | undefined };

const pageSize = 20;

/** `GET /api/cases?q=&stage=&limit=&cursor=` (cases.list): the cases my organisation takes part in. */
export function listCases(filter: CaseListFilter, cursor: string | undefined, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (filter.q) query.set('q', filter.q);
  if (filter.stage) query.set('stage', filter.stage);
  if (cursor) query.set('cursor', cursor);
  return apiRequest('GET', `/api/cases?${query.toString()}`, {
    schema: caseListSchema,
    ...(signal ? { signal } : {}),
  });
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
