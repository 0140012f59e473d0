import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type communityActivityInputSchema,
  communityActivityListSchema,
  communityActivitySchema,
  type communitySessionInputSchema,
} from '../../../../../src/contract/community.ts';
import { apiGet, apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';

export const communityQueryKey = ['community'] as const;

export type CommunityActivityBody = z.input<typeof communityActivityInputSchema>;
export type CommunitySessionBody = z.input<typeof communitySessionInputSchema>;

/** `GET /api/community-activities?fiscalYear=` (communityActivities.list) */
export function useCommunityActivities(fiscalYear: number) {
  return useQuery({
    queryKey: [...communityQueryKey, 'list', fiscalYear],
    queryFn: ({ signal }) =>
      apiGet(`/api/community-activities?fiscalYear=${fiscalYear}`, communityActivityListSchema, signal),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/community-activities/:id` (communityActivities.get) */
export function useCommunityActivity(id: string) {
  return useQuery({
    queryKey: [...communityQueryKey, 'activity', id],
    queryFn: ({ signal }) => apiGet(`/api/community-activities/${id}`, communityActivitySchema, signal),
  });
}

/** `POST /api/community-activities` (create) or `PUT /api/community-activities/:id` (update) */
export function useSaveCommunityActivity() {
  return useRefreshingMutation(
    ({ id, body }: { id?: string | undefined; body: CommunityActivityBody }) =>
      id
        ? apiRequest('PUT', `/api/community-activities/${id}`, { schema: communityActivitySchema, body })
        : apiRequest('POST', '/api/community-activities', { schema: communityActivitySchema, body }),
    communityQueryKey,
  );
}

/** `POST /api/community-activities/:id/sessions` (communityActivities.recordSession) */
export function useRecordCommunitySession(id: string) {
  return useRefreshingMutation(
    (body: CommunitySessionBody) =>
      apiRequest('POST', `/api/community-activities/${id}/sessions`, {
        schema: communityActivitySchema,
        body,
      }),
    communityQueryKey,
  );
}
