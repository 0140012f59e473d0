import type { z } from 'zod';
import { type resourceInputSchema, resourceSchema } from '../../../../../src/contract/resources.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { resourcesQueryKey } from './list-resources.ts';

export type ResourceBody = z.input<typeof resourceInputSchema>;

/** `POST /api/resources` (resources.create) or `PUT /api/resources/:id` (resources.update) */
export function saveResource({ id, body }: { id?: string | undefined; body: ResourceBody }) {
  return id
    ? apiRequest('PUT', `/api/resources/${id}`, { schema: resourceSchema, body })
    : apiRequest('POST', '/api/resources', { schema: resourceSchema, body });
}

export function useSaveResource() {
  return useRefreshingMutation(saveResource, resourcesQueryKey);
}
