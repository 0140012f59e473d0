import { useQuery } from '@tanstack/react-query';
import { type Programme, programmeListSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { getListItems } from '../../../lib/api-client.ts';

/** `GET /api/programmes` (programmes.list): every programme, to place under its challenges. */
export async function listPlanProgrammes(signal?: AbortSignal): Promise<Programme[]> {
  return getListItems('/api/programmes', programmeListSchema, signal);
}

export function usePlanProgrammes() {
  return useQuery({
    queryKey: ['recidivism', 'programmes', 'all'],
    queryFn: ({ signal }) => listPlanProgrammes(signal),
  });
}
