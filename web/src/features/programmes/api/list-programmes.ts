import { useQuery } from '@tanstack/react-query';
import { type Programme, programmeListSchema } from '../../../../../src/contract/recidivismPlan.ts';
import { getListItems } from '../../../lib/api-client.ts';

export const programmesQueryKey = ['recidivism', 'programmes'] as const;

/** `GET /api/programmes[?challengeId=]` (programmes.list) */
export async function listProgrammes(
  challengeId: string | undefined,
  signal?: AbortSignal,
): Promise<Programme[]> {
  const query = challengeId ? `?challengeId=${encodeURIComponent(challengeId)}` : '';
  return getListItems(`/api/programmes${query}`, programmeListSchema, signal);
}

export function useProgrammes(challengeId?: string) {
  return useQuery({
    queryKey: [...programmesQueryKey, 'list', challengeId ?? 'all'],
    queryFn: ({ signal }) => listProgrammes(challengeId, signal),
  });
}

/** One programme, read from the full list (the list is small: the plan's 47 or so). */
export function useProgramme(id: string) {
  return useQuery({
    queryKey: [...programmesQueryKey, 'list', 'all'],
    queryFn: ({ signal }) => listProgrammes(undefined, signal),
    select: (items) => items.find((item) => item.id === id) ?? null,
  });
}
