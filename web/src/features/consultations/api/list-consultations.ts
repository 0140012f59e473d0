import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  consultationListSchema,
  type consultationStatuses,
} from '../../../../../src/contract/consultations.ts';
import { getJson } from '../../../lib/api-client.ts';
import { type ConsultationListFilter, consultationFilterParams } from '../consultation-filter.ts';

export type ConsultationList = z.infer<typeof consultationListSchema>;
export type ConsultationListItem = ConsultationList['items'][number];
export type ConsultationStatus = (typeof consultationStatuses)[number];

/** Referral and handover decisions elsewhere invalidate this key by its literal value. */
export const consultationsQueryKey = ['consultations'] as const;

/**
 * `GET /api/consultations?from=&to=&organizationId=&channel=&topic=&outcome=&status=&limit=&cursor=`
 * → my counter's consultations and those referred to it, newest first, narrowed by the filter.
 */
export function listConsultations(
  filter: ConsultationListFilter,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<ConsultationList> {
  const query = consultationFilterParams(filter);
  query.set('limit', '20');
  if (cursor) query.set('cursor', cursor);
  return getJson(`/api/consultations?${query}`, consultationListSchema, signal);
}

/** Keyset pages: "さらに表示" asks for the page after the last one. */
export function useConsultations(filter: ConsultationListFilter) {
  return useInfiniteQuery({
    queryKey: [...consultationsQueryKey, 'list', filter],
    queryFn: ({ pageParam, signal }) => listConsultations(filter, pageParam || undefined, signal),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
