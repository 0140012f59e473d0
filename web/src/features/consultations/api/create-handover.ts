import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type Handover,
  type handoverInputSchema,
  handoverSchema,
} from '../../../../../src/contract/handovers.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { consultationsQueryKey } from './list-consultations.ts';

export type HandoverInput = z.input<typeof handoverInputSchema>;

/** `POST /api/handovers` → 201 Handover: hand an open consultation over to the coordinating section. */
export function createHandover(input: HandoverInput): Promise<Handover> {
  return apiRequest('POST', '/api/handovers', { schema: handoverSchema, body: input });
}

export function useCreateHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createHandover,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: consultationsQueryKey }),
        // The handovers feature's list (sent handovers) shows it too.
        queryClient.invalidateQueries({ queryKey: ['handovers'] }),
      ]),
  });
}
