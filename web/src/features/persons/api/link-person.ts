import { type Person, personSchema } from '../../../../../src/contract/persons.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useSavingMutation } from '../../../lib/refreshing-mutation.ts';
import { personsQueryKey } from './search-persons.ts';

/** `POST /api/persons/:id/link` {duplicateOfId} → 200 Person: record that two records are the same human. */
export function linkPerson({ id, duplicateOfId }: { id: string; duplicateOfId: string }): Promise<Person> {
  return apiRequest('POST', `/api/persons/${encodeURIComponent(id)}/link`, {
    schema: personSchema,
    body: { duplicateOfId },
  });
}

export function useLinkPerson() {
  return useSavingMutation(
    linkPerson,
    (person) => [...personsQueryKey, 'detail', person.id],
    personsQueryKey,
  );
}
