import { useQuery } from '@tanstack/react-query';
import { organizationListSchema } from '../../../../../src/contract/organizations.ts';
import { getListItems } from '../../../lib/api-client.ts';
import { casesQueryKey } from './get-case.ts';

export type OrganizationOption = { id: string; name: string };

/**
 * `GET /api/organizations` (organizations.list, active ones), reduced to what the case forms need:
 * consent scope, meeting invitations, plan items, relations and the lead organisation.
 */
export async function listOrganizationOptions(signal?: AbortSignal): Promise<OrganizationOption[]> {
  const items = await getListItems('/api/organizations', organizationListSchema, signal);
  return items.map((item) => ({ id: item.id, name: item.name }));
}

export function useOrganizationOptions() {
  return useQuery({
    queryKey: [...casesQueryKey, 'organizationOptions'],
    queryFn: ({ signal }) => listOrganizationOptions(signal),
    staleTime: 5 * 60 * 1000,
  });
}
