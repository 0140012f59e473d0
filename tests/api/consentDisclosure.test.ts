import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseTimeline } from '../../src/contract/cases.ts';
import type { Consent } from '../../src/contract/consents.ts';
import type { SensitiveFact } from '../../src/contract/sensitiveFacts.ts';
import { demoApi } from '../support/demoApi.ts';
import { offenceSharedCase, recordOffence } from '../support/offenceCase.ts';
import type { ApiClient } from '../support/testServer.ts';

const api = demoApi('coordinator', 'houkatsu', 'hogo', 'hogokansatsu');
const { coordinator, houkatsu, hogo, hogokansatsu } = api;

/**
 * A consent's 要配慮個人情報 categories, and the organisations it names, are shown only to the
 * organisation that recorded it, the coordinating section and organisations granted that category
 * (src/domain/consentDisclosure.ts). Everyone else taking part — here 保護第一課, invited to a
 * 重層的支援会議, and the intake counter — sees the consent with its basic categories only and of
 * its organisations only itself, in cases.get, the case timeline and the person's consents alike.
 */

let world: { caseId: string; personId: string; consentId: string; factId: string };

const org = (name: string) => api.dir.organization(name);

beforeAll(async () => {
  const { caseId, personId, consentId } = await offenceSharedCase(
    api.server.database.db,
    api.dir,
    coordinator,
    ['鹿児島保護観察所', '鹿児島県地域生活定着センター', '保護第一課'],
  );
  const fact = await recordOffence(hogokansatsu, {
    personId,
    caseId,
    summary: '（試験）窃盗',
    details: '（試験）満期釈放',
  });
  world = { caseId, personId, consentId, factId: fact.id };
});

/** Every place a consent's scope reaches a caller: cases.get, the timeline, the person's consents. */
async function consentViews(client: ApiClient) {
  const kase = await client.get<CaseDetail>(`/api/cases/${world.caseId}`);
  expect(kase.status).toBe(200);
  const timeline = await client.get<CaseTimeline>(`/api/cases/${world.caseId}/timeline?limit=100`);
  expect(timeline.status).toBe(200);
  const persons = await client.get<{ items: Consent[] }>(`/api/persons/${world.personId}/consents`);
  expect(persons.status).toBe(200);
  const fromCase = kase.body.consents.find((c) => c.id === world.consentId);
  const fromPerson = persons.body.items.find((c) => c.id === world.consentId);
  const entry = timeline.body.items.find(
    (e) => e.kind === 'consentRecorded' && e.subjectId === world.consentId,
  );
  if (!fromCase || !fromPerson || !entry) throw new Error('the consent is missing from a view');
  return { fromCase, fromPerson, entry };
}

const codes = (consent: Consent) => consent.categories.map((c) => c.code);
const names = (consent: Consent) => consent.organizations.map((o) => o.name);

describe('a consent’s sensitive categories and their organisations', () => {
  it('are hidden from an organisation taking part by a 重層的支援会議 without a grant, everywhere', async () => {
    for (const client of [hogo, houkatsu]) {
      const { fromCase, fromPerson, entry } = await consentViews(client);
      for (const consent of [fromCase, fromPerson]) {
        expect(codes(consent)).toEqual(['basic', 'consultation']);
        expect(JSON.stringify(consent)).not.toMatch(/offence|犯罪歴|保護観察所|地域生活定着センター/);
      }
      expect(entry.details.categories).toEqual(['basic', 'consultation']);
      expect(JSON.stringify(entry)).not.toMatch(/offence|犯罪歴|保護観察所|地域生活定着センター/);
      expect(JSON.stringify(entry.details.organizationIds)).not.toContain(org('鹿児島保護観察所'));
    }
    // 保護第一課 is named in the consent and sees itself; the counter is not named and sees no organisation
    const { fromCase: hogoSees, entry: hogoEntry } = await consentViews(hogo);
    expect(names(hogoSees)).toEqual(['保護第一課']);
    expect(hogoEntry.summary).toContain('共有先：保護第一課／');
    const { fromCase: counterSees } = await consentViews(houkatsu);
    expect(names(counterSees)).toEqual([]);
  });

  it('are shown to the coordinating section (which recorded it) and to the organisation granted 犯罪歴等', async () => {
    for (const client of [coordinator, hogokansatsu]) {
      const { fromCase, fromPerson, entry } = await consentViews(client);
      for (const consent of [fromCase, fromPerson]) {
        expect(codes(consent)).toEqual(['basic', 'consultation', 'offence']);
        expect(consent.categories.map((c) => c.label)).toContain('犯罪歴等（要配慮個人情報）');
        expect(names(consent)).toEqual(['鹿児島保護観察所', '鹿児島県地域生活定着センター', '保護第一課']);
      }
      expect(entry.details.categories).toEqual(['basic', 'consultation', 'offence']);
      expect(entry.summary).toContain('鹿児島保護観察所、鹿児島県地域生活定着センター、保護第一課');
    }
  });

  it('are shown to 保護第一課 once it is granted the offence fact, and hidden again when the grant is revoked', async () => {
    const granted = await hogokansatsu.post<SensitiveFact>(`/api/sensitive-facts/${world.factId}/grants`, {
      organizationId: org('保護第一課'),
      reason: '（試験）生活保護の申請支援のため',
    });
    expect(granted.status).toBe(201);
    const after = await consentViews(hogo);
    expect(codes(after.fromCase)).toEqual(['basic', 'consultation', 'offence']);
    expect(names(after.fromPerson)).toEqual([
      '鹿児島保護観察所',
      '鹿児島県地域生活定着センター',
      '保護第一課',
    ]);
    expect(after.entry.details.categories).toEqual(['basic', 'consultation', 'offence']);

    const grant = granted.body.grants.find((g) => g.organization.name === '保護第一課');
    if (!grant) throw new Error('no grant');
    const revoked = await hogokansatsu.delete(`/api/sensitive-facts/${world.factId}/grants/${grant.id}`);
    expect(revoked.status).toBe(204);
    expect(codes((await consentViews(hogo)).fromCase)).toEqual(['basic', 'consultation']);
  });
});
