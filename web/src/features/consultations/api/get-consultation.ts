import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Consultation, consultationSchema } from '../../../../../src/contract/consultations.ts';
import { getJson } from '../../../lib/api-client.ts';
import { consultationsQueryKey } from './list-consultations.ts';

export const consultationQueryKey = (id: string) => [...consultationsQueryKey, 'detail', id] as const;

/** `GET /api/consultations/:id` → one consultation with its household, referrals, handovers and abilities. */
export function getConsultation(id: string, signal?: AbortSignal): Promise<Consultation> {
  return getJson(`/api/consultations/${encodeURIComponent(id)}`, consultationSchema, signal);
}

export function consultationQueryOptions(id: string) {
  return queryOptions({
    queryKey: consultationQueryKey(id),
    queryFn: ({ signal }) => getConsultation(id, signal),
  });
}

export function useConsultation(id: string) {
  return useQuery(consultationQueryOptions(id));
}
