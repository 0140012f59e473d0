import { type Organization, organizationSchema } from '../../../../../src/contract/organizations.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { organizationsQueryKey } from './list-organizations.ts';

/** `POST /api/organizations/:id/disable` → 200 Organization */
export function disableOrganization(id: string): Promise<Organization> {
  return apiRequest('POST', `/api/organizations/${encodeURIComponent(id)}/disable`, {
    schema: organizationSchema,
  });
}

export function useDisableOrganization() {
  return useRefreshingMutation(disableOrganization, organizationsQueryKey);
}
