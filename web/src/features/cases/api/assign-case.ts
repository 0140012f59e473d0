import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AssignableUsers,
  assignableUsersSchema,
  type CaseAssigneeInput,
  type CaseDetail,
  caseDetailSchema,
} from '../../../../../src/contract/cases.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { casesQueryKey, invalidateCase } from './get-case.ts';

/** `GET /api/cases/:id/assignable-users` (cases.assignableUsers): who may carry the case. */
export function listAssignableUsers(caseId: string, signal?: AbortSignal): Promise<AssignableUsers> {
  return apiRequest('GET', `/api/cases/${encodeURIComponent(caseId)}/assignable-users`, {
    schema: assignableUsersSchema,
    ...(signal ? { signal } : {}),
  });
}

export function useAssignableUsers(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...casesQueryKey, 'of', caseId, 'assignableUsers'],
    queryFn: ({ signal }) => listAssignableUsers(caseId, signal),
    enabled,
  });
}

/** `PUT /api/cases/:id/assignee` (cases.assign): set or clear the 担当職員. */
export function assignCase({
  caseId,
  input,
}: {
  caseId: string;
  input: CaseAssigneeInput;
}): Promise<CaseDetail> {
  return apiRequest('PUT', `/api/cases/${encodeURIComponent(caseId)}/assignee`, {
    schema: caseDetailSchema,
    body: input,
  });
}

export function useAssignCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignCase,
    onSuccess: (_data, { caseId }) => invalidateCase(queryClient, caseId),
  });
}
