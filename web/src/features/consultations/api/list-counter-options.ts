import { useQuery } from '@tanstack/react-query';
import { organizationListSchema } from '../../../../../src/contract/organizations.ts';
import { getListItems } from '../../../lib/api-client.ts';

export type CounterOption = { id: string; name: string };

/** `GET /api/organizations?includeDisabled=true` (organizations.list): the 受付機関 choices of 相談一覧's filter. */
export async function listCounterOptions(signal?: AbortSignal): Promise<CounterOption[]> {
  const items = await getListItems('/api/organizations?includeDisabled=true', organizationListSchema, signal);
  return items.map((item) => ({ id: item.id, name: item.name }));
}

export function useCounterOptions() {
  return useQuery({
    queryKey: ['organizations', 'counterOptions'],
    queryFn: ({ signal }) => listCounterOptions(signal),
    staleTime: 5 * 60_000,
  });
}
