import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Dashboard, dashboardSchema } from '../../../../../src/contract/dashboard.ts';
import { getJson } from '../../../lib/api-client.ts';

export type { Dashboard };

export const dashboardQueryKey = ['dashboard'] as const;

/** `GET /api/dashboard?noContactDays=` (dashboard.get): the figures of my roles' homes. */
export function getDashboard(noContactDays: number | undefined, signal?: AbortSignal): Promise<Dashboard> {
  const query = noContactDays ? `?noContactDays=${noContactDays}` : '';
  return getJson(`/api/dashboard${query}`, dashboardSchema, signal);
}

export function dashboardQueryOptions(noContactDays?: number) {
  return queryOptions({
    queryKey: [...dashboardQueryKey, noContactDays ?? null],
    queryFn: ({ signal }) => getDashboard(noContactDays, signal),
  });
}

export function useDashboard(noContactDays?: number) {
  return useQuery(dashboardQueryOptions(noContactDays));
}
