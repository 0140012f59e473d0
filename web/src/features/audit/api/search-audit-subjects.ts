import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type AuditSubjectList, auditSubjectListSchema } from '../../../../../src/contract/auditEvents.ts';
import { getJson } from '../../../lib/api-client.ts';
import { auditQueryKey } from './list-audit-events.ts';

/** `GET /api/audit-events/subjects?q=` → persons and cases the trail names (auditEvents.subjects). */
export function searchAuditSubjects(q: string, signal?: AbortSignal): Promise<AuditSubjectList> {
  return getJson(`/api/audit-events/subjects?${new URLSearchParams({ q })}`, auditSubjectListSchema, signal);
}

/** The pickers' choices for what was typed; nothing is asked for an empty box. */
export function useAuditSubjects(q: string) {
  return useQuery({
    queryKey: [...auditQueryKey, 'subjects', q],
    queryFn: ({ signal }) => searchAuditSubjects(q, signal),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
