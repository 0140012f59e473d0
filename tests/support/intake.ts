import { expect } from 'vitest';
import type { Consultation } from '../../src/contract/consultations.ts';
import { person } from '../../src/server/demo/story.ts';
import type { ApiClient } from './testServer.ts';

type Fields = Record<string, unknown>;

/**
 * A maker of new-person bodies (as consultations.create and persons.create take them) for a test
 * file's synthetic person: the demo's person() without its address; each call may override any field.
 */
export function personMaker(...name: Parameters<typeof person>): (overrides?: Fields) => Fields {
  const { address: _address, ...fields } = person(...name);
  return (overrides = {}) => ({ ...fields, ...overrides });
}

/** What a test file's consultations are about unless a test says otherwise. */
export interface IntakeSubject {
  topics: string[];
  mainTopic: string;
  content: string;
  wishes?: string;
}

/**
 * A consultations.create body: `person`, no household members and no visitor, taken at a visit,
 * about `subject`, with consent to share, ending in `outcome`; `overrides` replaces any field.
 */
export const intakeBody = (
  person: Fields,
  subject: IntakeSubject,
  outcome: Fields,
  overrides: Fields = {},
) => ({
  person,
  householdMembers: [],
  visitor: null,
  channel: 'visit',
  ...subject,
  consentToShare: true,
  outcome,
  ...overrides,
});

/** The counter handles the consultation itself (自機関で対応). */
export const ownAgency = { kind: 'ownAgency' };

/** consultations.create as `client`; expects 201 (the body shows in the failure) and gives the consultation. */
export async function consult(client: ApiClient, body: Fields): Promise<Consultation> {
  const response = await client.post<Consultation>('/api/consultations', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}
