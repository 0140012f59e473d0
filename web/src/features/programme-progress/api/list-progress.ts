import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { progressListSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { getJson } from '../../../lib/api-client.ts';

export type ProgressList = z.infer<typeof progressListSchema>;
export const progressQueryKey = ['recidivism', 'progress'] as const;

/** `GET /api/programme-progress?fiscalYear=` (programmeProgress.list): a 年度 with its lock. */
export function listProgress(fiscalYear: number, signal?: AbortSignal): Promise<ProgressList> {
  return getJson(`/api/programme-progress?fiscalYear=${fiscalYear}`, progressListSchema, signal);
}

export function useProgress(fiscalYear: number) {
  return useQuery({
    queryKey: [...progressQueryKey, fiscalYear],
    queryFn: ({ signal }) => listProgress(fiscalYear, signal),
  });
}
