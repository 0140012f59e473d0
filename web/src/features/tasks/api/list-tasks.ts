import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { taskListSchema } from '../../../../../src/contract/tasks.ts';
import { getJson } from '../../../lib/api-client.ts';

export type TaskList = z.infer<typeof taskListSchema>;

/** Other features' decisions (handovers, referrals) invalidate this key by its literal value. */
export const tasksQueryKey = ['tasks'] as const;

/** `GET /api/tasks` → what my organisation has waiting, with business-day due dates. */
export function listTasks(signal?: AbortSignal): Promise<TaskList> {
  return getJson('/api/tasks', taskListSchema, signal);
}

export function tasksQueryOptions() {
  return queryOptions({ queryKey: [...tasksQueryKey, 'list'], queryFn: ({ signal }) => listTasks(signal) });
}

export function useTasks() {
  return useQuery(tasksQueryOptions());
}
