import { useQuery } from '@tanstack/react-query';
import { programmeListSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { getListItems } from '../../../lib/api-client.ts';
import { casesQueryKey } from './get-case.ts';

export type ProgrammeOptionGroup = {
  position: number;
  title: string;
  programmes: { id: string; name: string; section: string }[];
};

/**
 * `GET /api/programmes` (programmes.list), grouped for the plan item picker under each programme's
 * main challenge (its non-再掲 listing), in challenge order.
 */
export async function listProgrammeOptions(signal?: AbortSignal): Promise<ProgrammeOptionGroup[]> {
  const items = await getListItems('/api/programmes', programmeListSchema, signal);
  const groups = new Map<number, ProgrammeOptionGroup>();
  for (const programme of items) {
    const main = programme.challenges.find((c) => !c.isRepeat) ?? programme.challenges[0];
    if (!main) continue;
    const group = groups.get(main.position) ?? { position: main.position, title: main.title, programmes: [] };
    group.programmes.push({
      id: programme.id,
      name: programme.name,
      section: programme.responsibleSection.name,
    });
    groups.set(main.position, group);
  }
  return [...groups.values()].sort((a, b) => a.position - b.position);
}

export function useProgrammeOptions() {
  return useQuery({
    queryKey: [...casesQueryKey, 'programmeOptions'],
    queryFn: ({ signal }) => listProgrammeOptions(signal),
    staleTime: 5 * 60 * 1000,
  });
}
