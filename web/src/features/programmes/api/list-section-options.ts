import { useQuery } from '@tanstack/react-query';
import { organizationListSchema } from '../../../../../src/contract/organizations.ts';
import { apiGet } from '../../../lib/api-client.ts';

export type SectionOption = { id: string; name: string; kind: string };

/** `GET /api/organizations` (organizations.list): responsible sections and related organisations. */
export async function listSectionOptions(signal?: AbortSignal): Promise<SectionOption[]> {
  const list = await apiGet('/api/organizations', organizationListSchema, signal);
  return list.items.map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
}

export function useSectionOptions(enabled = true) {
  return useQuery({
    queryKey: ['recidivism', 'sectionOptions'],
    queryFn: ({ signal }) => listSectionOptions(signal),
    staleTime: 5 * 60 * 1000,
    enabled,
  });
}
