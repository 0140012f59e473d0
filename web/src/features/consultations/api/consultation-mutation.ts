import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Consultation } from '../../../../../src/contract/consultations.ts';
import { consultationQueryKey } from './get-consultation.ts';
import { consultationsQueryKey } from './list-consultations.ts';

/**
 * A mutation that answers with the consultation as saved: the answer is kept as that
 * consultation's detail, and the lists are marked stale without being read again at once.
 */
export function useConsultationMutation<Variables>(
  mutationFn: (variables: Variables) => Promise<Consultation>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      queryClient.setQueryData(consultationQueryKey(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: consultationsQueryKey, refetchType: 'none' });
    },
  });
}
