import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Organization, organizationSchema } from '../../../../../src/contract/organizations.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { organizationsQueryKey } from './list-organizations.ts';

/** `POST /api/organizations/:id/enable` → 200 Organization */
export function enableOrganization(id: string): Promise<Organization> {
  return apiRequest('POST', `/api/organizations/${encodeURIComponent(id)}/enable`, {
    schema: organizationSchema,
  });
}

export function useEnableOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableOrganization,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationsQueryKey }),
  });
}
