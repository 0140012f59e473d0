import { useQuery } from '@tanstack/react-query';
import {
  type RetentionRulesInput,
  type RetentionRulesView,
  retentionRulesSchema,
} from '../../../../../src/contract/retention.ts';
import { apiGet, apiRequest } from '../../../lib/api-client.ts';
import { useSavingMutation } from '../../../lib/refreshing-mutation.ts';
import { disposalCandidatesQueryKey } from './disposal-candidates.ts';

export const retentionRulesQueryKey = ['retentionRules'] as const;

/** `GET /api/retention` (retention.get): the city's periods, or the defaults until it sets them. */
export function getRetentionRules(signal?: AbortSignal): Promise<RetentionRulesView> {
  return apiGet('/api/retention', retentionRulesSchema, signal);
}

export function useRetentionRules() {
  return useQuery({ queryKey: retentionRulesQueryKey, queryFn: ({ signal }) => getRetentionRules(signal) });
}

/** `PUT /api/retention` (retention.update) → the periods as saved. */
export function updateRetentionRules(input: RetentionRulesInput): Promise<RetentionRulesView> {
  return apiRequest('PUT', '/api/retention', { schema: retentionRulesSchema, body: input });
}

/** The disposal list is computed from the periods: it is read again. */
export function useUpdateRetentionRules() {
  return useSavingMutation(updateRetentionRules, () => retentionRulesQueryKey, disposalCandidatesQueryKey);
}
