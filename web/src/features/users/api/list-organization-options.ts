import { useQuery } from '@tanstack/react-query';
import { organizationListSchema } from '../../../../../src/contract/organizations.ts';
import { getListItems } from '../../../lib/api-client.ts';
import { usersQueryKey } from './list-users.ts';

export type OrganizationOption = { id: string; name: string; disabled: boolean };

/**
 * `GET /api/organizations?includeDisabled=true`, reduced to what the user screens need
 * (the organisation select and filter). Kept in this feature so features do not import each other.
 */
export async function listOrganizationOptions(signal?: AbortSignal): Promise<OrganizationOption[]> {
  const items = await getListItems('/api/organizations?includeDisabled=true', organizationListSchema, signal);
  return items.map((item) => ({ id: item.id, name: item.name, disabled: item.disabledAt !== null }));
}

export function useOrganizationOptions(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...usersQueryKey, 'organizationOptions'],
    queryFn: ({ signal }) => listOrganizationOptions(signal),
    enabled: options.enabled ?? true,
  });
}
