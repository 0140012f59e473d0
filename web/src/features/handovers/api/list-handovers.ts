import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { handoverListSchema, type handoverStatuses } from '../../../../../src/contract/handovers.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { keysetPagesOptions, withPage } from '../../../lib/keyset-pages.ts';

export type HandoverList = z.infer<typeof handoverListSchema>;
export type HandoverStatus = (typeof handoverStatuses)[number];

export const handoversQueryKey = ['handovers'] as const;

/**
 * `GET /api/handovers?status=&limit=&cursor=` → for the coordinating section its inbox (pending
 * first, longest waiting first); for a counter the handovers it sent, newest first.
 */
export function listHandovers(
  filter: { status?: HandoverStatus; cursor?: string },
  signal?: AbortSignal,
): Promise<HandoverList> {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  withPage(query, 20, filter.cursor);
  return apiGet(`/api/handovers?${query}`, handoverListSchema, signal);
}

export function useHandovers(status: HandoverStatus | undefined) {
  return useInfiniteQuery(
    keysetPagesOptions([...handoversQueryKey, 'list', { status: status ?? null }], (cursor, signal) =>
      listHandovers({ status, cursor }, signal),
    ),
  );
}
