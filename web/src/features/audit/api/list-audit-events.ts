import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type AuditEventList, auditEventListSchema } from '../../../../../src/contract/auditEvents.ts';
import { getJson } from '../../../lib/api-client.ts';

export const auditQueryKey = ['audit'] as const;

/** The auditor's filters as the API takes them (calendar dates in Japan time). */
export type AuditFilter = {
  userId?: string;
  organizationId?: string;
  personId?: string;
  caseId?: string;
  actions: string[];
  from?: string;
  to?: string;
};

/** The filter as query parameters, shared by the list and the CSV export. */
export function auditFilterQuery(filter: AuditFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ['userId', 'organizationId', 'personId', 'caseId', 'from', 'to'] as const) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  for (const action of filter.actions) query.append('action', action);
  return query;
}

/** `GET /api/audit-events?…&limit=&cursor=` → one page, newest first (auditEvents.list). */
export function listAuditEvents(
  filter: AuditFilter,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<AuditEventList> {
  const query = auditFilterQuery(filter);
  query.set('limit', '50');
  if (cursor) query.set('cursor', cursor);
  return getJson(`/api/audit-events?${query}`, auditEventListSchema, signal);
}

/** Pages of the trail for the filter; "さらに表示" fetches the next. */
export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: [...auditQueryKey, 'events', filter],
    queryFn: ({ pageParam, signal }) => listAuditEvents(filter, pageParam || undefined, signal),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
