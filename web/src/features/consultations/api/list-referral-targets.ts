import { useQuery } from '@tanstack/react-query';
import { organizationListSchema } from '../../../../../src/contract/organizations.ts';
import { getListItems } from '../../../lib/api-client.ts';

export type ReferralTarget = { id: string; name: string; isCoordinatingSection: boolean };

/**
 * `GET /api/organizations` (enabled ones), reduced to what the つなぎ先 select needs. The server
 * refuses my own organisation and the coordinating section as targets; the select leaves them out
 * so nobody picks them by mistake.
 */
export async function listReferralTargets(signal?: AbortSignal): Promise<ReferralTarget[]> {
  const items = await getListItems('/api/organizations', organizationListSchema, signal);
  return items.map((item) => ({
    id: item.id,
    name: item.name,
    isCoordinatingSection: item.isCoordinatingSection,
  }));
}

export function useReferralTargets(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['organizations', 'referralTargets'],
    queryFn: ({ signal }) => listReferralTargets(signal),
    enabled: options.enabled ?? true,
    staleTime: 5 * 60_000,
  });
}
