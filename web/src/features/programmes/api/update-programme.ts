import { type ProgrammeUpdate, programmeSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';

/** `PATCH /api/programmes/:id` (programmes.update) */
export function updateProgramme({ id, input }: { id: string; input: ProgrammeUpdate }) {
  return apiRequest('PATCH', `/api/programmes/${id}`, { schema: programmeSchema, body: input });
}

export function useUpdateProgramme() {
  return useRefreshingMutation(updateProgramme, ['recidivism']);
}
