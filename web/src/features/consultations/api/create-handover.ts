import type { z } from 'zod';
import {
  type Handover,
  type handoverInputSchema,
  handoverSchema,
} from '../../../../../src/contract/handovers.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { consultationsQueryKey } from './list-consultations.ts';

export type HandoverInput = z.input<typeof handoverInputSchema>;

/** `POST /api/handovers` → 201 Handover: hand an open consultation over to the coordinating section. */
export function createHandover(input: HandoverInput): Promise<Handover> {
  return apiRequest('POST', '/api/handovers', { schema: handoverSchema, body: input });
}

/** The consultations and the handovers feature's list (sent handovers) show it. */
export function useCreateHandover() {
  return useRefreshingMutation(createHandover, consultationsQueryKey, ['handovers']);
}
