import { useQuery } from '@tanstack/react-query';
import {
  type AssignableUsers,
  assignableUsersSchema,
  type CaseAssigneeInput,
  type CaseDetail,
  caseDetailSchema,
} from '../../../../../src/contract/cases.ts';
import { getJson } from '../../../lib/api-client.ts';
import { caseChangeRequest, useCaseMutation } from './case-mutation.ts';
import { casesQueryKey } from './get-case.ts';

/** `GET /api/cases/:id/assignable-users` (cases.assignableUsers): who may carry the case. */
export function listAssignableUsers(caseId: string, signal?: AbortSignal): Promise<AssignableUsers> {
  return getJson(`/api/cases/${encodeURIComponent(caseId)}/assignable-users`, assignableUsersSchema, signal);
}

export function useAssignableUsers(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...casesQueryKey, 'of', caseId, 'assignableUsers'],
    queryFn: ({ signal }) => listAssignableUsers(caseId, signal),
    enabled,
  });
}

/** `PUT /api/cases/:id/assignee` (cases.assign): set or clear the 担当職員. */
export const assignCase = caseChangeRequest<CaseAssigneeInput, CaseDetail>(
  'PUT',
  'assignee',
  caseDetailSchema,
);

export function useAssignCase() {
  return useCaseMutation(assignCase);
}
