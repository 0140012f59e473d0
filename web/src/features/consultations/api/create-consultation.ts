import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type Consultation,
  type ConsultationInput,
  consultationSchema,
} from '../../../../../src/contract/consultations.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { consultationsQueryKey } from './list-consultations.ts';

/** `POST /api/consultations` → 201 Consultation (persons, household, referral or handover in one step). */
export function createConsultation(input: ConsultationInput): Promise<Consultation> {
  return apiRequest('POST', '/api/consultations', { schema: consultationSchema, body: input });
}

export function useCreateConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createConsultation,
    onSuccess: (saved) => {
      queryClient.setQueryData([...consultationsQueryKey, 'detail', saved.id], saved);
      return queryClient.invalidateQueries({ queryKey: consultationsQueryKey, refetchType: 'none' });
    },
  });
}
