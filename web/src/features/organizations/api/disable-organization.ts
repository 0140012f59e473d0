import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Organization, organizationSchema } from '../../../../../src/contract/organizations.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { organizationsQueryKey } from './list-organizations.ts';

/** `POST /api/organizations/:id/disable` → 200 Organization */
export function disableOrganization(id: string): Promise<Organization> {
  return apiRequest('POST', `/api/organizations/${encodeURIComponent(id)}/disable`, {
    schema: organizationSchema,
  });
}

export function useDisableOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableOrganization,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationsQueryKey }),
  });
}
