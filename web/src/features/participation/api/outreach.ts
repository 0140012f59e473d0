import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type outreachContactInputSchema,
  outreachContactListSchema,
  outreachContactSchema,
} from '../../../../../src/contract/outreach.ts';
import { apiRequest, getJson } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';

export const outreachQueryKey = ['outreachContacts'] as const;

/** Whose attempts: a consultation's (before a case) or a case's (with those of its consultation). */
export type OutreachTarget = { consultationId: string } | { caseId: string };

/** `GET /api/outreach-contacts?consultationId=|caseId=` (outreachContacts.list): newest first. */
export function listOutreachContacts(target: OutreachTarget, signal?: AbortSignal) {
  const query = new URLSearchParams(
    'caseId' in target ? { caseId: target.caseId } : { consultationId: target.consultationId },
  );
  return getJson(`/api/outreach-contacts?${query.toString()}`, outreachContactListSchema, signal);
}

export function useOutreachContacts(target: OutreachTarget) {
  return useQuery({
    queryKey: [...outreachQueryKey, target],
    queryFn: ({ signal }) => listOutreachContacts(target, signal),
  });
}

/** `POST /api/outreach-contacts` (outreachContacts.create). */
export function useCreateOutreachContact() {
  return useRefreshingMutation(
    (input: z.output<typeof outreachContactInputSchema>) =>
      apiRequest('POST', '/api/outreach-contacts', {
        schema: outreachContactSchema,
        // an empty note is sent as none at all
        body: { ...input, note: input.note ?? undefined } satisfies z.input<
          typeof outreachContactInputSchema
        >,
      }),
    outreachQueryKey,
  );
}
