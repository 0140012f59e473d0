import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Organization, organizationListSchema } from '../../../../../src/contract/organizations.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const organizationsQueryKey = ['organizations'] as const;

export type OrganizationListFilter = { includeDisabled: boolean };

/** `GET /api/organizations[?includeDisabled=true]` */
export async function listOrganizations(
  filter: OrganizationListFilter,
  signal?: AbortSignal,
): Promise<Organization[]> {
  const query = filter.includeDisabled ? '?includeDisabled=true' : '';
  const list = await apiRequest('GET', `/api/organizations${query}`, {
    schema: organizationListSchema,
    ...(signal ? { signal } : {}),
  });
  return list.items;
}

export function organizationListQueryOptions(filter: OrganizationListFilter) {
  return queryOptions({
    queryKey: [...organizationsQueryKey, 'list', filter],
    queryFn: ({ signal }) => listOrganizations(filter, signal),
  });
}

export function useOrganizations(filter: OrganizationListFilter) {
  return useQuery(organizationListQueryOptions(filter));
}

/**
 * One organisation, read from the full list (disabled ones included): the API has no
 * single-organisation read, and the list is small.
 */
export function useOrganization(id: string) {
  return useQuery({
    ...organizationListQueryOptions({ includeDisabled: true }),
    select: (items) => items.find((item) => item.id === id) ?? null,
  });
}
