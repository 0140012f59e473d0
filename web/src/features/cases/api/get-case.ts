import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { type CaseDetail, caseDetailSchema } from '../../../../../src/contract/cases.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const casesQueryKey = ['cases'] as const;

export const caseQueryKey = (caseId: string) => [...casesQueryKey, 'detail', caseId] as const;

/** `GET /api/cases/:id` (cases.get) → the case with household, origin, assessment, consents, meetings. */
export function getCase(caseId: string, signal?: AbortSignal): Promise<CaseDetail> {
  return apiRequest('GET', `/api/cases/${encodeURIComponent(caseId)}`, {
    schema: caseDetailSchema,
    ...(signal ? { signal } : {}),
  });
}

export function caseQueryOptions(caseId: string) {
  return queryOptions({ queryKey: caseQueryKey(caseId), queryFn: ({ signal }) => getCase(caseId, signal) });
}

export function useCase(caseId: string) {
  return useQuery(caseQueryOptions(caseId));
}

/**
 * After any change to a case: the case, its timeline, plans, reports and the case list are
 * read again (each read is audited on the server, so only what changed is refetched).
 */
export function invalidateCase(queryClient: QueryClient, caseId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: caseQueryKey(caseId) }),
    queryClient.invalidateQueries({ queryKey: [...casesQueryKey, 'list'] }),
    queryClient.invalidateQueries({ queryKey: [...casesQueryKey, 'of', caseId] }),
  ]).then(() => undefined);
}
