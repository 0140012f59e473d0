import {
  type Organization,
  type OrganizationInput,
  organizationSchema,
} from '../../../../../src/contract/organizations.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { organizationsQueryKey } from './list-organizations.ts';

/** `POST /api/organizations` → 201 Organization */
export function createOrganization(input: OrganizationInput): Promise<Organization> {
  return apiRequest('POST', '/api/organizations', { schema: organizationSchema, body: input });
}

export function useCreateOrganization() {
  return useRefreshingMutation(createOrganization, organizationsQueryKey);
}
