import { useQuery } from '@tanstack/react-query';
import { resourceSchema } from '../../../../../src/contract/resources.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { resourcesQueryKey } from './list-resources.ts';

/** `GET /api/resources/:id` (resources.get) */
export function getResource(id: string, signal?: AbortSignal) {
  return apiRequest('GET', `/api/resources/${id}`, { schema: resourceSchema, ...(signal ? { signal } : {}) });
}

export function useResource(id: string) {
  return useQuery({
    queryKey: [...resourcesQueryKey, 'detail', id],
    queryFn: ({ signal }) => getResource(id, signal),
  });
}
