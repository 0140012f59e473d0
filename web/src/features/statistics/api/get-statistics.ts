import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Statistics, statisticsSchema } from '../../../../../src/contract/statistics.ts';
import { getJson } from '../../../lib/api-client.ts';

export type { Statistics };

/** The 年度 asked for, optionally narrowed to a range of its months (YYYY-MM, inclusive). */
export type StatisticsPeriod = { fiscalYear: number; from?: string | undefined; to?: string | undefined };

/** The period as query parameters, shared by the figures and their downloads. */
export function statisticsQuery(period: StatisticsPeriod): URLSearchParams {
  const query = new URLSearchParams({ fiscalYear: String(period.fiscalYear) });
  if (period.from) query.set('from', period.from);
  if (period.to) query.set('to', period.to);
  return query;
}

/** `GET /api/statistics?fiscalYear=&from=&to=` (statistics.get): the 年度 report set in my scope. */
export function getStatistics(period: StatisticsPeriod, signal?: AbortSignal): Promise<Statistics> {
  return getJson(`/api/statistics?${statisticsQuery(period)}`, statisticsSchema, signal);
}

export function statisticsQueryOptions(period: StatisticsPeriod) {
  return queryOptions({
    queryKey: ['statistics', period.fiscalYear, period.from ?? null, period.to ?? null],
    queryFn: ({ signal }) => getStatistics(period, signal),
  });
}

export function useStatistics(period: StatisticsPeriod) {
  return useQuery(statisticsQueryOptions(period));
}
