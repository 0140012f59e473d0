import { type ProgrammeInput, programmeSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';

/** `POST /api/programmes` (programmes.create) → 201 Programme */
export function createProgramme(input: ProgrammeInput) {
  return apiRequest('POST', '/api/programmes', { schema: programmeSchema, body: input });
}

export function useCreateProgramme() {
  return useRefreshingMutation(createProgramme, ['recidivism']);
}
