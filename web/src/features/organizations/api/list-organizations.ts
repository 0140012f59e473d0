import { type Organization, organizationListSchema } from '../../../../../src/contract/organizations.ts';
import { adminListQueries } from '../../../lib/admin-list-queries.ts';

export const organizationsQueryKey = ['organizations'] as const;

export type OrganizationListFilter = { includeDisabled: boolean };

const organizationList = adminListQueries<OrganizationListFilter, Organization>({
  queryKey: organizationsQueryKey,
  /** `GET /api/organizations[?includeDisabled=true]` */
  path: (filter) => `/api/organizations${filter.includeDisabled ? '?includeDisabled=true' : ''}`,
  schema: organizationListSchema,
  everything: { includeDisabled: true },
});

export const useOrganizations = organizationList.useList;

/**
 * One organisation, read from the full list (disabled ones included): the API has no
 * single-organisation read, and the list is small.
 */
export const useOrganization = organizationList.useOne;
