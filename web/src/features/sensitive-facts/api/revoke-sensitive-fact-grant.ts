import { apiRequest } from '../../../lib/api-client.ts';
import { useSensitiveFactsMutation } from './list-sensitive-facts.ts';

/** `DELETE /api/sensitive-facts/:id/grants/:grantId` (sensitiveFacts.revokeGrant). */
export function revokeSensitiveFactGrant(factId: string, grantId: string): Promise<undefined> {
  return apiRequest(
    'DELETE',
    `/api/sensitive-facts/${encodeURIComponent(factId)}/grants/${encodeURIComponent(grantId)}`,
  );
}

export function useRevokeSensitiveFactGrant() {
  return useSensitiveFactsMutation(({ factId, grantId }: { factId: string; grantId: string }) =>
    revokeSensitiveFactGrant(factId, grantId),
  );
}
