import { type Organization, organizationSchema } from '../../../../../src/contract/organizations.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { organizationsQueryKey } from './list-organizations.ts';

/** `POST /api/organizations/:id/enable` → 200 Organization */
export function enableOrganization(id: string): Promise<Organization> {
  return apiRequest('POST', `/api/organizations/${encodeURIComponent(id)}/enable`, {
    schema: organizationSchema,
  });
}

export function useEnableOrganization() {
  return useRefreshingMutation(enableOrganization, organizationsQueryKey);
}
