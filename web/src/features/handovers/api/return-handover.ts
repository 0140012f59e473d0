import { type Handover, handoverSchema } from '../../../../../src/contract/handovers.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { handoversQueryKey } from './list-handovers.ts';

/** A decision changes the inbox, my tasks, the consultation and the case list (other features' keys, by value). */
export const handoverDecisionQueryKeys = [
  handoversQueryKey,
  ['tasks'],
  ['consultations'],
  ['cases'],
] as const;

/** `POST /api/handovers/:id/return` {reason} → 200 Handover: 差戻し with the reason the counter will see. */
export function returnHandover({ id, reason }: { id: string; reason: string }): Promise<Handover> {
  return apiRequest('POST', `/api/handovers/${encodeURIComponent(id)}/return`, {
    schema: handoverSchema,
    body: { reason },
  });
}

export function useReturnHandover() {
  return useRefreshingMutation(returnHandover, ...handoverDecisionQueryKeys);
}
