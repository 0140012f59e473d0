import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  consultationListSchema,
  type consultationStatuses,
} from '../../../../../src/contract/consultations.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type ConsultationList = z.infer<typeof consultationListSchema>;
export type ConsultationListItem = ConsultationList['items'][number];
export type ConsultationStatus = (typeof consultationStatuses)[number];

/** Referral and handover decisions elsewhere invalidate this key by its literal value. */
export const consultationsQueryKey = ['consultations'] as const;

/** `GET /api/consultations?status=&limit=&cursor=` → my counter's consultations and those referred to it, newest first. */
export function listConsultations(
  filter: { status?: ConsultationStatus; cursor?: string },
  signal?: AbortSignal,
): Promise<ConsultationList> {
  const query = new URLSearchParams({ limit: '20' });
  if (filter.status) query.set('status', filter.status);
  if (filter.cursor) query.set('cursor', filter.cursor);
  return apiRequest('GET', `/api/consultations?${query}`, {
    schema: consultationListSchema,
    ...(signal ? { signal } : {}),
  });
}

/** Keyset pages: "さらに表示" asks for the page after the last one. */
export function useConsultations(status: ConsultationStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...consultationsQueryKey, 'list', { status: status ?? null }],
    queryFn: ({ pageParam, signal }) =>
      listConsultations(
        { ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
