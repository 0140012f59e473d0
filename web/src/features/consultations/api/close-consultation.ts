import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Consultation, consultationSchema } from '../../../../../src/contract/consultations.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { consultationsQueryKey } from './list-consultations.ts';

/** `POST /api/consultations/:id/close` {note} → 200 Consultation (対応終了). */
export function closeConsultation({ id, note }: { id: string; note: string }): Promise<Consultation> {
  return apiRequest('POST', `/api/consultations/${encodeURIComponent(id)}/close`, {
    schema: consultationSchema,
    body: note ? { note } : {},
  });
}

export function useCloseConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeConsultation,
    onSuccess: (saved) => {
      queryClient.setQueryData([...consultationsQueryKey, 'detail', saved.id], saved);
      return queryClient.invalidateQueries({ queryKey: consultationsQueryKey, refetchType: 'none' });
    },
  });
}
