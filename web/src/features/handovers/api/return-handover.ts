import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { type Handover, handoverSchema } from '../../../../../src/contract/handovers.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { handoversQueryKey } from './list-handovers.ts';

/** A decision changes the inbox, my tasks, the consultation and the case list (other features' keys, by value). */
export function invalidateAfterHandoverDecision(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: handoversQueryKey }),
    queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    queryClient.invalidateQueries({ queryKey: ['consultations'] }),
    queryClient.invalidateQueries({ queryKey: ['cases'] }),
  ]);
}

/** `POST /api/handovers/:id/return` {reason} → 200 Handover: 差戻し with the reason the counter will see. */
export function returnHandover({ id, reason }: { id: string; reason: string }): Promise<Handover> {
  return apiRequest('POST', `/api/handovers/${encodeURIComponent(id)}/return`, {
    schema: handoverSchema,
    body: { reason },
  });
}

export function useReturnHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: returnHandover,
    onSuccess: () => invalidateAfterHandoverDecision(queryClient),
  });
}
