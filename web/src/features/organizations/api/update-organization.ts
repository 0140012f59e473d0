import type { z } from 'zod';
import {
  type Organization,
  organizationSchema,
  type organizationUpdateSchema,
} from '../../../../../src/contract/organizations.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { organizationsQueryKey } from './list-organizations.ts';

export type OrganizationUpdate = z.input<typeof organizationUpdateSchema>;

/** `PATCH /api/organizations/:id` with the changed fields → 200 Organization */
export function updateOrganization({
  id,
  changes,
}: {
  id: string;
  changes: OrganizationUpdate;
}): Promise<Organization> {
  return apiRequest('PATCH', `/api/organizations/${encodeURIComponent(id)}`, {
    schema: organizationSchema,
    body: changes,
  });
}

export function useUpdateOrganization() {
  return useRefreshingMutation(updateOrganization, organizationsQueryKey);
}
