import {
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { type CaseDetail, caseDetailSchema } from '../../../../../src/contract/cases.ts';
import { apiRequest, getJson } from '../../../lib/api-client.ts';

export const casesQueryKey = ['cases'] as const;

export const caseQueryKey = (caseId: string) => [...casesQueryKey, 'detail', caseId] as const;

/** `GET /api/cases/:id` (cases.get) → the case with household, origin, assessment, consents, meetings. */
export function getCase(caseId: string, signal?: AbortSignal): Promise<CaseDetail> {
  return getJson(`/api/cases/${encodeURIComponent(caseId)}`, caseDetailSchema, signal);
}

export function caseQueryOptions(caseId: string) {
  return queryOptions({ queryKey: caseQueryKey(caseId), queryFn: ({ signal }) => getCase(caseId, signal) });
}

export function useCase(caseId: string) {
  return useQuery(caseQueryOptions(caseId));
}

/**
 * After any change to a case: the case, its timeline, plans, reports and the case list are
 * read again (each read is audited on the server, so only what changed is refetched).
 */
export function invalidateCase(queryClient: QueryClient, caseId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: caseQueryKey(caseId) }),
    queryClient.invalidateQueries({ queryKey: [...casesQueryKey, 'list'] }),
    queryClient.invalidateQueries({ queryKey: [...casesQueryKey, 'of', caseId] }),
  ]).then(() => undefined);
}

/**
 * One of a case's keyset-paged lists (`GET /api/cases/:id/<list>?limit=&cursor=`), newest first:
 * read under `[cases, of, caseId, key]`, a page of `pageSize` at a time, "さらに表示" asking for the
 * page after the last one.
 */
export function useCasePages<Page extends { nextCursor?: string | null | undefined }>(
  caseId: string,
  { list, key, pageSize, schema }: { list: string; key: string; pageSize: number; schema: z.ZodType<Page> },
) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...casesQueryKey, 'of', caseId, key],
      queryFn: ({ pageParam, signal }) => {
        const query = new URLSearchParams({ limit: String(pageSize) });
        if (pageParam) query.set('cursor', pageParam);
        return apiRequest('GET', `/api/cases/${encodeURIComponent(caseId)}/${list}?${query.toString()}`, {
          schema,
          signal,
        });
      },
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
}
