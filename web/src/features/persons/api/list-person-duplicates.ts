import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { duplicateListSchema } from '../../../../../src/contract/persons.ts';
import { getListItems } from '../../../lib/api-client.ts';
import { personsQueryKey } from './search-persons.ts';

export type PersonDuplicate = z.infer<typeof duplicateListSchema>['items'][number];

/** `GET /api/persons/:id/duplicates` → same reading and birth date elsewhere in the city (coordinator). */
export async function listPersonDuplicates(id: string, signal?: AbortSignal): Promise<PersonDuplicate[]> {
  return getListItems(`/api/persons/${encodeURIComponent(id)}/duplicates`, duplicateListSchema, signal);
}

export function usePersonDuplicates(id: string, options: { enabled: boolean }) {
  return useQuery({
    queryKey: [...personsQueryKey, 'duplicates', id],
    queryFn: ({ signal }) => listPersonDuplicates(id, signal),
    enabled: options.enabled,
  });
}
