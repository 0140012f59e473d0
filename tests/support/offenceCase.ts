import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Consent } from '../../src/contract/consents.ts';
import type { SensitiveFact } from '../../src/contract/sensitiveFacts.ts';
import type { DB } from '../../src/db/schema.ts';
import { createCase, type DemoDirectory } from './factories.ts';
import type { ApiClient } from './testServer.ts';

/**
 * A case in 課題整理中 (made in the database) shared on the person's consent including 犯罪歴等 with
 * `organizations` (consentIncludingOffence), by a 重層的支援会議 inviting 鹿児島保護観察所 and 保護第一課
 * (inviteOffenceAgencies), both through the API as `coordinator`.
 */
export async function offenceSharedCase(
  db: Kysely<DB>,
  dir: DemoDirectory,
  coordinator: ApiClient,
  organizations: string[],
): Promise<{ caseId: string; personId: string; consentId: string }> {
  const { caseId, personId } = await createCase(db, dir, { stage: 'assessing' });
  const consent = await consentIncludingOffence(coordinator, dir, { caseId, personId }, organizations);
  await inviteOffenceAgencies(coordinator, dir, caseId);
  return { caseId, personId, consentId: consent.id };
}

/**
 * Through the API, as `coordinator`: the person's consent, given on 2026-11-02 on a signed form, to
 * share the basic, consultation and offence (犯罪歴等) categories with `organizations` (by name);
 * expects 201 and gives the consent.
 */
export async function consentIncludingOffence(
  coordinator: ApiClient,
  dir: DemoDirectory,
  kase: { caseId: string; personId: string },
  organizations: string[],
): Promise<Consent> {
  const consent = await coordinator.post<Consent>('/api/consents', {
    personId: kase.personId,
    caseId: kase.caseId,
    organizationIds: organizations.map((name) => dir.organization(name)),
    categories: ['basic', 'consultation', 'offence'],
    givenOn: '2026-11-02',
    method: 'signedForm',
  });
  expect(consent.status).toBe(201);
  return consent.body;
}

/**
 * Through the API, as `coordinator`: a 重層的支援会議 of the case scheduled for 2026-11-20 inviting
 * 鹿児島保護観察所 and 保護第一課; expects 201.
 */
export async function inviteOffenceAgencies(coordinator: ApiClient, dir: DemoDirectory, caseId: string) {
  const meeting = await coordinator.post<{ id: string }>(`/api/cases/${caseId}/meetings`, {
    kindId: dir.meetingKind('multilayerMeeting'),
    title: '重層的支援会議（試験）',
    scheduledAt: '2026-11-20T10:00:00+09:00',
    place: '市役所本館3階会議室',
    agenda: '役割分担',
    invitedOrganizationIds: [dir.organization('鹿児島保護観察所'), dir.organization('保護第一課')],
  });
  expect(meeting.status).toBe(201);
}

/** Through the API, as `client`: an offence fact (刑の執行を終えた) of the person, on the case if given; expects 201. */
export async function recordOffence(
  client: ApiClient,
  fact: { personId: string; caseId?: string; summary: string; details: string },
): Promise<SensitiveFact> {
  const response = await client.post<SensitiveFact>('/api/sensitive-facts', {
    personId: fact.personId,
    ...(fact.caseId ? { caseId: fact.caseId } : {}),
    kind: 'offence',
    subtype: 'sentenceServed',
    summary: fact.summary,
    details: fact.details,
  });
  expect(response.status).toBe(201);
  return response.body;
}
