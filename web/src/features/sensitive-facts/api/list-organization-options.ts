import { useQuery } from '@tanstack/react-query';
import { organizationListSchema } from '../../../../../src/contract/organizations.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { sensitiveFactsQueryKey } from './list-sensitive-facts.ts';

/** `GET /api/organizations` (organizations.list), reduced to the choices of the grant form. */
export async function listOrganizationOptions(signal?: AbortSignal): Promise<{ id: string; name: string }[]> {
  const list = await apiRequest('GET', '/api/organizations', {
    schema: organizationListSchema,
    ...(signal ? { signal } : {}),
  });
  return list.items.map((item) => ({ id: item.id, name: item.name }));
}

export function useOrganizationOptions() {
  return useQuery({
    queryKey: [...sensitiveFactsQueryKey, 'organizationOptions'],
    queryFn: ({ signal }) => listOrganizationOptions(signal),
    staleTime: 5 * 60 * 1000,
  });
}
