import {
  type GrantInput,
  type SensitiveFact,
  sensitiveFactSchema,
} from '../../../../../src/contract/sensitiveFacts.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useSensitiveFactsMutation } from './list-sensitive-facts.ts';

/** `POST /api/sensitive-facts/:id/grants` (sensitiveFacts.grant). */
export function grantSensitiveFact(factId: string, input: GrantInput): Promise<SensitiveFact> {
  return apiRequest('POST', `/api/sensitive-facts/${encodeURIComponent(factId)}/grants`, {
    schema: sensitiveFactSchema,
    body: input,
  });
}

export function useGrantSensitiveFact() {
  return useSensitiveFactsMutation(({ factId, input }: { factId: string; input: GrantInput }) =>
    grantSensitiveFact(factId, input),
  );
}
