import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type RetentionRulesInput,
  type RetentionRulesView,
  retentionRulesSchema,
} from '../../../../../src/contract/retention.ts';
import { apiRequest, getJson } from '../../../lib/api-client.ts';
import { disposalCandidatesQueryKey } from './disposal-candidates.ts';

export const retentionRulesQueryKey = ['retentionRules'] as const;

/** `GET /api/retention` (retention.get): the city's periods, or the defaults until it sets them. */
export function getRetentionRules(signal?: AbortSignal): Promise<RetentionRulesView> {
  return getJson('/api/retention', retentionRulesSchema, signal);
}

export function useRetentionRules() {
  return useQuery({ queryKey: retentionRulesQueryKey, queryFn: ({ signal }) => getRetentionRules(signal) });
}

/** `PUT /api/retention` (retention.update) → the periods as saved. */
export function updateRetentionRules(input: RetentionRulesInput): Promise<RetentionRulesView> {
  return apiRequest('PUT', '/api/retention', { schema: retentionRulesSchema, body: input });
}

export function useUpdateRetentionRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRetentionRules,
    onSuccess: (saved) => {
      queryClient.setQueryData(retentionRulesQueryKey, saved);
      // the disposal list is computed from the periods
      return queryClient.invalidateQueries({ queryKey: disposalCandidatesQueryKey });
    },
  });
}
