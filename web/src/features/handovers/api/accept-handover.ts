import type { z } from 'zod';
import { handoverAcceptedSchema } from '../../../../../src/contract/handovers.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { handoverDecisionQueryKeys } from './return-handover.ts';

export type HandoverAccepted = z.infer<typeof handoverAcceptedSchema>;

/** `POST /api/handovers/:id/accept` → 200 {caseId, caseNumber}: 受理, which opens the case. */
export function acceptHandover(id: string): Promise<HandoverAccepted> {
  return apiRequest('POST', `/api/handovers/${encodeURIComponent(id)}/accept`, {
    schema: handoverAcceptedSchema,
  });
}

export function useAcceptHandover() {
  return useRefreshingMutation(acceptHandover, ...handoverDecisionQueryKeys);
}
