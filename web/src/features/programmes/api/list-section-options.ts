import { useQuery } from '@tanstack/react-query';
import { organizationListSchema } from '../../../../../src/contract/organizations.ts';
import { getListItems } from '../../../lib/api-client.ts';

export type SectionOption = { id: string; name: string; kind: string };

/** `GET /api/organizations` (organizations.list): responsible sections and related organisations. */
export async function listSectionOptions(signal?: AbortSignal): Promise<SectionOption[]> {
  const items = await getListItems('/api/organizations', organizationListSchema, signal);
  return items.map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
}

export function useSectionOptions(enabled = true) {
  return useQuery({
    queryKey: ['recidivism', 'sectionOptions'],
    queryFn: ({ signal }) => listSectionOptions(signal),
    staleTime: 5 * 60 * 1000,
    enabled,
  });
}
