import { useMutation } from '@tanstack/react-query';
import {
  type RevealedSensitiveFact,
  revealedSensitiveFactSchema,
} from '../../../../../src/contract/sensitiveFacts.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/**
 * `POST /api/sensitive-facts/:id/reveal` (sensitiveFacts.reveal): the content, with the reason the
 * server audits as the purpose. A mutation, not a query: the content is never cached or refetched.
 */
export function revealSensitiveFact(factId: string, reason: string): Promise<RevealedSensitiveFact> {
  return apiRequest('POST', `/api/sensitive-facts/${encodeURIComponent(factId)}/reveal`, {
    schema: revealedSensitiveFactSchema,
    body: { reason },
  });
}

export function useRevealSensitiveFact() {
  return useMutation({
    mutationFn: ({ factId, reason }: { factId: string; reason: string }) =>
      revealSensitiveFact(factId, reason),
  });
}
