import { useInfiniteQuery } from '@tanstack/react-query';
import { caseListSchema } from '../../../../../src/contract/cases.ts';
import { filterParams } from '../../../lib/address-filter.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { keysetPagesOptions, withPage } from '../../../lib/keyset-pages.ts';
import { type CaseListFilter, caseFilterKeys } from '../case-filter.ts';
import { casesQueryKey } from './get-case.ts';

const pageSize = 20;

/** The filter as query parameters (only the fields that are set). */
export function caseFilterParams(filter: CaseListFilter): URLSearchParams {
  return filterParams(filter, caseFilterKeys);
}

/** `GET /api/cases?q=&stage=&…&limit=&cursor=` (cases.list): the cases my organisation takes part in. */
export function listCases(filter: CaseListFilter, cursor: string | undefined, signal?: AbortSignal) {
  const query = withPage(caseFilterParams(filter), pageSize, cursor);
  return apiGet(`/api/cases?${query.toString()}`, caseListSchema, signal);
}

export function caseListQueryOptions(filter: CaseListFilter) {
  return keysetPagesOptions([...casesQueryKey, 'list', filter], (cursor, signal) =>
    listCases(filter, cursor, signal),
  );
}

/** Keyset pages, loaded one after another with 「さらに表示」. */
export function useCases(filter: CaseListFilter) {
  return useInfiniteQuery(caseListQueryOptions(filter));
}
