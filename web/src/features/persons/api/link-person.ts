import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Person, personSchema } from '../../../../../src/contract/persons.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { personsQueryKey } from './search-persons.ts';

/** `POST /api/persons/:id/link` {duplicateOfId} → 200 Person: record that two records are the same human. */
export function linkPerson({ id, duplicateOfId }: { id: string; duplicateOfId: string }): Promise<Person> {
  return apiRequest('POST', `/api/persons/${encodeURIComponent(id)}/link`, {
    schema: personSchema,
    body: { duplicateOfId },
  });
}

export function useLinkPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: linkPerson,
    onSuccess: (person) => {
      queryClient.setQueryData([...personsQueryKey, 'detail', person.id], person);
      return queryClient.invalidateQueries({ queryKey: personsQueryKey });
    },
  });
}
