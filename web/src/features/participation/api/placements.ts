import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type Placement,
  type placementInputSchema,
  placementListSchema,
  placementSchema,
  type placementUpdateSchema,
} from '../../../../../src/contract/placements.ts';
import type { PlacementStage } from '../../../../../src/domain/resources/placement.ts';
import { apiRequest, getJson } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';

export const placementsQueryKey = ['placements'] as const;

export interface PlacementFilter {
  caseId?: string | undefined;
  stage?: PlacementStage | undefined;
  resourceId?: string | undefined;
}

/** `GET /api/placements?caseId=&stage=&resourceId=` (placements.list): newest first. */
export function listPlacements(filter: PlacementFilter, signal?: AbortSignal) {
  const query = new URLSearchParams();
  if (filter.caseId) query.set('caseId', filter.caseId);
  if (filter.stage) query.set('stage', filter.stage);
  if (filter.resourceId) query.set('resourceId', filter.resourceId);
  const text = query.toString();
  return getJson(`/api/placements${text ? `?${text}` : ''}`, placementListSchema, signal);
}

export function usePlacements(filter: PlacementFilter) {
  return useQuery({
    queryKey: [...placementsQueryKey, 'list', filter],
    queryFn: ({ signal }) => listPlacements(filter, signal),
    placeholderData: keepPreviousData,
  });
}

/** A mutation of placements; once it succeeds, every placement list is read again. */
function usePlacementsMutation<Variables>(mutationFn: (variables: Variables) => Promise<Placement>) {
  return useRefreshingMutation(mutationFn, placementsQueryKey);
}

/** `POST /api/cases/:id/placements` (placements.create). */
export function useCreatePlacement() {
  return usePlacementsMutation(
    ({ caseId, input }: { caseId: string; input: z.input<typeof placementInputSchema> }) =>
      apiRequest('POST', `/api/cases/${encodeURIComponent(caseId)}/placements`, {
        schema: placementSchema,
        body: input,
      }),
  );
}

/** `PATCH /api/placements/:id` (placements.update): one step recorded. */
export function useRecordPlacementEvent() {
  return usePlacementsMutation(
    ({ placement, input }: { placement: Placement; input: z.input<typeof placementUpdateSchema> }) =>
      apiRequest('PATCH', `/api/placements/${encodeURIComponent(placement.id)}`, {
        schema: placementSchema,
        body: input,
      }),
  );
}
