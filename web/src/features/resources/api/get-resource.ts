import { useQuery } from '@tanstack/react-query';
import { resourceSchema } from '../../../../../src/contract/resources.ts';
import { getJson } from '../../../lib/api-client.ts';
import { resourcesQueryKey } from './list-resources.ts';

/** `GET /api/resources/:id` (resources.get) */
export function getResource(id: string, signal?: AbortSignal) {
  return getJson(`/api/resources/${id}`, resourceSchema, signal);
}

export function useResource(id: string) {
  return useQuery({
    queryKey: [...resourcesQueryKey, 'detail', id],
    queryFn: ({ signal }) => getResource(id, signal),
  });
}
