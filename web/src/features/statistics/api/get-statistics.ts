import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Statistics, statisticsSchema } from '../../../../../src/contract/statistics.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { Statistics };

/** `GET /api/statistics?fiscalYear=` (statistics.get): the 年度 report set in my scope. */
export function getStatistics(fiscalYear: number, signal?: AbortSignal): Promise<Statistics> {
  return apiRequest('GET', `/api/statistics?fiscalYear=${fiscalYear}`, {
    schema: statisticsSchema,
    ...(signal ? { signal } : {}),
  });
}

export function statisticsQueryOptions(fiscalYear: number) {
  return queryOptions({
    queryKey: ['statistics', fiscalYear],
    queryFn: ({ signal }) => getStatistics(fiscalYear, signal),
  });
}

export function useStatistics(fiscalYear: number) {
  return useQuery(statisticsQueryOptions(fiscalYear));
}
