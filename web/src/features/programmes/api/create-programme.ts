import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ProgrammeInput, programmeSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** `POST /api/programmes` (programmes.create) → 201 Programme */
export function createProgramme(input: ProgrammeInput) {
  return apiRequest('POST', '/api/programmes', { schema: programmeSchema, body: input });
}

export function useCreateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProgramme,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['recidivism'] }),
  });
}
