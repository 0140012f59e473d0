import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { resourceListSchema } from '../../../../../src/contract/resources.ts';
import { getJson } from '../../../lib/api-client.ts';

export const resourcesQueryKey = ['resources'] as const;

/** What the directory search asks for (every field optional). */
export interface ResourceSearch {
  q?: string | undefined;
  need?: string | undefined;
  kind?: string | undefined;
  schoolDistrict?: string | undefined;
  district?: string | undefined;
  includeInactive?: boolean | undefined;
}

export function resourceSearchQuery(search: ResourceSearch): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.need) params.set('need', search.need);
  if (search.kind) params.set('kind', search.kind);
  if (search.schoolDistrict) params.set('schoolDistrict', search.schoolDistrict);
  if (search.district) params.set('district', search.district);
  if (search.includeInactive) params.set('includeInactive', 'true');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `GET /api/resources?…` (resources.list) */
export function listResources(search: ResourceSearch, signal?: AbortSignal) {
  return getJson(`/api/resources${resourceSearchQuery(search)}`, resourceListSchema, signal);
}

export function useResources(search: ResourceSearch) {
  return useQuery({
    queryKey: [...resourcesQueryKey, 'list', search],
    queryFn: ({ signal }) => listResources(search, signal),
    placeholderData: keepPreviousData,
  });
}
