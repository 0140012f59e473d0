import { useQuery } from '@tanstack/react-query';
import { disclosureLookupSchema } from '../../../../../src/contract/auditEvents.ts';
import { getJson } from '../../../lib/api-client.ts';
import { auditQueryKey } from './list-audit-events.ts';

export type DisclosureLookup = { kana?: string; name?: string; birthDate?: string };

/** `GET /api/disclosure/persons?kana=&name=&birthDate=` → candidates across the city (persons.lookupForDisclosure). */
export function lookupDisclosurePersons(lookup: DisclosureLookup, signal?: AbortSignal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(lookup)) if (value) query.set(key, value);
  return getJson(`/api/disclosure/persons?${query}`, disclosureLookupSchema, signal);
}

export function useDisclosureLookup(lookup: DisclosureLookup | null) {
  return useQuery({
    queryKey: [...auditQueryKey, 'disclosureLookup', lookup],
    queryFn: ({ signal }) => lookupDisclosurePersons(lookup as DisclosureLookup, signal),
    enabled: lookup !== null,
  });
}
