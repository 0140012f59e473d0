import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Person, personSchema } from '../../../../../src/contract/persons.ts';
import { getJson } from '../../../lib/api-client.ts';
import { personsQueryKey } from './search-persons.ts';

/** `GET /api/persons/:id` → one person I may see, with households and linked records. */
export function getPerson(id: string, signal?: AbortSignal): Promise<Person> {
  return getJson(`/api/persons/${encodeURIComponent(id)}`, personSchema, signal);
}

export function personQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...personsQueryKey, 'detail', id],
    queryFn: ({ signal }) => getPerson(id, signal),
  });
}

export function usePerson(id: string) {
  return useQuery(personQueryOptions(id));
}
