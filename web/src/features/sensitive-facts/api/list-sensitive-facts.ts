import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type SensitiveFactList,
  sensitiveFactListSchema,
} from '../../../../../src/contract/sensitiveFacts.ts';
import { getJson } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';

export const sensitiveFactsQueryKey = ['sensitiveFacts'] as const;

/** Whose facts: a case's persons (the case page) or one person (the person page). */
export type SensitiveFactsOf = { caseId: string } | { personId: string };

const pathOf = (of: SensitiveFactsOf) =>
  'caseId' in of
    ? `/api/cases/${encodeURIComponent(of.caseId)}/sensitive-facts`
    : `/api/persons/${encodeURIComponent(of.personId)}/sensitive-facts`;

/**
 * `GET /api/cases/:id/sensitive-facts` (sensitiveFacts.listOfCase) or
 * `GET /api/persons/:id/sensitive-facts` (sensitiveFacts.listOfPerson): kinds only, never content.
 */
export function listSensitiveFacts(of: SensitiveFactsOf, signal?: AbortSignal): Promise<SensitiveFactList> {
  return getJson(pathOf(of), sensitiveFactListSchema, signal);
}

export function useSensitiveFacts(of: SensitiveFactsOf) {
  return useQuery(
    queryOptions({
      queryKey: [...sensitiveFactsQueryKey, 'caseId' in of ? `case:${of.caseId}` : `person:${of.personId}`],
      queryFn: ({ signal }) => listSensitiveFacts(of, signal),
    }),
  );
}

/** A mutation that changes sensitive facts or their grants; once it succeeds, every list of them is read again. */
export function useSensitiveFactsMutation<Variables, Result>(
  mutationFn: (variables: Variables) => Promise<Result>,
) {
  return useRefreshingMutation(mutationFn, sensitiveFactsQueryKey);
}
