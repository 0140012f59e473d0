import { useQuery } from '@tanstack/react-query';
import {
  type Household,
  type HouseholdUpdate,
  householdSchema,
} from '../../../../../src/contract/households.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { caseChangeRequest, useMutationOfCase } from '../../cases/api/case-mutation.ts';
import { casesQueryKey } from '../../cases/api/get-case.ts';

export const householdQueryKey = (caseId: string) => [...casesQueryKey, 'of', caseId, 'household'] as const;

/** `GET /api/cases/:id/household` (households.get). */
export function useHousehold(caseId: string) {
  return useQuery({
    queryKey: householdQueryKey(caseId),
    queryFn: ({ signal }) =>
      apiGet(`/api/cases/${encodeURIComponent(caseId)}/household`, householdSchema, signal),
  });
}

/** The URL of the household drawn as SVG (households.diagram); `version` makes the image reload after a save. */
export function diagramUrl(caseId: string, kind: 'genogram' | 'ecomap', version: number): string {
  return `/api/cases/${encodeURIComponent(caseId)}/household/diagram?kind=${kind}&v=${version}`;
}

/** `PUT /api/cases/:id/household` (households.update), by the coordinating section. */
const updateHousehold = caseChangeRequest<HouseholdUpdate, Household>('PUT', 'household', householdSchema);

export function useUpdateHousehold(caseId: string) {
  return useMutationOfCase(caseId, (input: HouseholdUpdate) => updateHousehold({ caseId, input }));
}
