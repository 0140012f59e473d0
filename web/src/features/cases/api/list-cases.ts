import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { type CaseFilter, caseFilterSchema, caseListSchema } from '../../../../../src/contract/cases.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { casesQueryKey } from './get-case.ts';

/** The filters of 事例一覧, as in the address bar (the home dashboard's figures link with them). */
export type CaseListFilter = { [K in keyof CaseFilter]?: CaseFilter[K] | undefined };

/** The filter fields in the order they are put in a query string. */
export const caseFilterKeys = [
  'q',
  'stage',
  'assignedToMe',
  'unassigned',
  'open',
  'householdFlag',
  'issueArea',
  'monitoring',
  'noContactDays',
  'reportOverdueOrganizationId',
] as const satisfies readonly (keyof CaseFilter)[];

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

/**
 * The filter from the address bar: each field is kept only if the API would accept it (the router
 * turns `true` and numbers into JSON values; they are read back as the API's strings and numbers).
 */
export function parseCaseFilter(search: Record<string, unknown>): CaseListFilter {
  const filter: Record<string, unknown> = {};
  for (const key of caseFilterKeys) {
    const raw = search[key];
    if (raw === undefined || raw === null || raw === '') continue;
    const value = typeof raw === 'boolean' ? String(raw) : raw;
    const parsed = caseFilterSchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filter[key] = parsed.data;
  }
  return filter as CaseListFilter;
}
