import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/contract/cases.ts';
import type { CouncilMeeting, CouncilPaper } from '../../src/contract/council.ts';
import type { RevealedSensitiveFact, SensitiveFact } from '../../src/contract/sensitiveFacts.ts';
import { demoApi } from '../support/demoApi.ts';
import { createCase, createPerson } from '../support/factories.ts';
import { offenceSharedCase, recordOffence } from '../support/offenceCase.ts';
import { type ApiClient, auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('coordinator', 'houkatsu', 'shogai', 'hogo', 'hogokansatsu');
const { coordinator, houkatsu, shogai, hogo, hogokansatsu } = api;

let outsiders: [string, ApiClient][];

beforeAll(async () => {
  outsiders = await Promise.all(
    ['council', 'plan', 'auditor', 'admin'].map(
      async (login) => [login, await api.server.as(login)] as [string, ApiClient],
    ),
  );
});

const org = (name: string) => api.dir.organization(name);
const SECRET = '（試験）令和7年に窃盗で懲役1年、満期釈放';

/**
 * A case shared on the person's consent (including 犯罪歴等) with 鹿児島保護観察所, 保護第一課 and
 * the coordinating section, by a 重層的支援会議 inviting the two agencies.
 */
const offenceCase = () =>
  offenceSharedCase(api.server.database.db, api.dir, coordinator, [
    '鹿児島保護観察所',
    '保護第一課',
    '重層事業担当',
  ]);

/** The offence fact this file records: SECRET as its details. */
const recordSecretOffence = (client: ApiClient, personId: string, caseId?: string) =>
  recordOffence(client, { personId, caseId, summary: '窃盗（満期釈放）', details: SECRET });

const listOfCase = async (client: ApiClient, caseId: string) =>
  (await client.get<{ items: SensitiveFact[] }>(`/api/cases/${caseId}/sensitive-facts`)).body.items;

describe('POST /api/sensitive-facts (sensitiveFacts.create)', () => {
  it('records an offence fact on a case, granted to the recording organisation only; content never in case or person responses', async () => {
    const { caseId, personId } = await offenceCase();
    const fact = await recordSecretOffence(hogokansatsu, personId, caseId);
    expect(fact).toMatchObject({
      personId,
      caseId,
      kind: 'offence',
      subtype: 'sentenceServed',
      recordedBy: { user: { name: expect.any(String) }, organization: { name: '鹿児島保護観察所' } },
      grants: [
        { organization: { name: '鹿児島保護観察所' }, legalBasis: 'recorder', abilities: { revoke: false } },
      ],
      abilities: { reveal: true, grant: true },
    });
    expect(JSON.stringify(fact)).not.toContain(SECRET);
    expect(JSON.stringify(fact)).not.toContain('窃盗');
    const audit = await api.server.latestAudit('sensitiveFact.create');
    expect(audit).toMatchObject({ resource_id: fact.id, case_id: caseId, person_id: personId });
    expect(auditDetails(audit)).toEqual({ kind: 'offence', subtype: 'sentenceServed' });

    for (const client of [hogokansatsu, coordinator, hogo]) {
      const page = await client.get<CaseDetail>(`/api/cases/${caseId}`);
      expect(page.status).toBe(200);
      expect(JSON.stringify(page.body)).not.toMatch(/窃盗|満期釈放|sensitive/);
      const person = await client.get(`/api/persons/${personId}`);
      expect(JSON.stringify(person.body)).not.toMatch(/窃盗|満期釈放|sensitive/);
    }
    expect((await listOfCase(hogokansatsu, caseId)).map((f) => f.id)).toEqual([fact.id]);
    // organisations without the grant do not learn it exists: not listed, not counted
    expect(await listOfCase(coordinator, caseId)).toEqual([]);
    expect(await listOfCase(hogo, caseId)).toEqual([]);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const { caseId, personId } = await offenceCase();
    const other = await createCase(api.server.database.db, api.dir);
    const base = { personId, caseId, kind: 'illness', summary: '糖尿病で通院中' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, kind: 'offence' }, 'subtype'],
      [{ ...base, subtype: 'parole' }, 'subtype'],
      [{ ...base, kind: 'offence', subtype: 'escaped' }, 'subtype'],
      [{ ...base, kind: 'rumour' }, 'kind'],
      [{ ...base, summary: ' ' }, 'summary'],
      [{ ...base, summary: 'あ'.repeat(201) }, 'summary'],
      [{ ...base, personId: 'x' }, 'personId'],
      [{ ...base, personId: other.personId }, 'personId'],
    ];
    for (const [body, field] of cases) {
      const response = await coordinator.post('/api/sensitive-facts', body);
      expect(response.status, field).toBe(400);
      expect(problemFields(response.body), field).toContain(field);
    }
    const stored = await api.server.database.db
      .selectFrom('sensitive_facts')
      .select('id')
      .where('person_id', '=', personId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('is 401, 404 for roles without the permission, 404 for a person or case the caller cannot see', async () => {
    const { caseId, personId } = await offenceCase();
    const body = { personId, caseId, kind: 'disability', summary: '療育手帳B' };
    expect((await api.server.anonymous().post('/api/sensitive-facts', body)).status).toBe(401);
    for (const [login, client] of outsiders) {
      expect((await client.post('/api/sensitive-facts', body)).status, login).toBe(404);
    }
    expect((await shogai.post('/api/sensitive-facts', body)).status).toBe(404);
    const stranger = await createPerson(api.server.database.db, api.dir, {
      registeredBy: org('障害者相談支援事業所'),
    });
    expect(
      (await coordinator.post('/api/sensitive-facts', { ...body, personId: stranger, caseId: undefined }))
        .status,
    ).toBe(404);
    expect(
      (
        await coordinator.post('/api/sensitive-facts', {
          ...body,
          caseId: '00000000-0000-4000-8000-000000000000',
        })
      ).status,
    ).toBe(404);
  });
});

describe('GET /api/persons/:id/sensitive-facts and /api/cases/:id/sensitive-facts (sensitiveFacts.listOf*)', () => {
  it('lists granted facts of the person (any case) and of the case, audited with the ids', async () => {
    const { caseId, personId } = await offenceCase();
    const onCase = await recordSecretOffence(hogokansatsu, personId, caseId);
    const ofPerson = await hogokansatsu.post<SensitiveFact>('/api/sensitive-facts', {
      personId,
      kind: 'illness',
      summary: '高血圧で通院中',
    });
    expect(ofPerson.status).toBe(201);
    const byPerson = await hogokansatsu.get<{ items: SensitiveFact[] }>(
      `/api/persons/${personId}/sensitive-facts`,
    );
    expect(byPerson.status).toBe(200);
    expect(byPerson.body.items.map((f) => f.id).sort()).toEqual([onCase.id, ofPerson.body.id].sort());
    expect(byPerson.body.items.find((f) => f.kind === 'illness')).toMatchObject({
      subtype: null,
    });
    const audit = await api.server.latestAudit('sensitiveFact.list');
    expect(audit?.person_id).toBe(personId);
    expect((auditDetails(audit).factIds as string[]).sort()).toEqual([onCase.id, ofPerson.body.id].sort());
    expect((await listOfCase(hogokansatsu, caseId)).map((f) => f.id).sort()).toEqual(
      [onCase.id, ofPerson.body.id].sort(),
    );
    // a fact of another case of the same person is not on this case's list
    const otherCase = await createCase(api.server.database.db, api.dir, { personId });
    const elsewhere = await coordinator.post<SensitiveFact>('/api/sensitive-facts', {
      personId,
      caseId: otherCase.caseId,
      kind: 'dvVictim',
      summary: '（試験）配偶者からの暴力',
    });
    expect(elsewhere.status).toBe(201);
    expect((await listOfCase(coordinator, caseId)).map((f) => f.id)).toEqual([]);
    expect((await listOfCase(coordinator, otherCase.caseId)).map((f) => f.id)).toEqual([elsewhere.body.id]);
  });

  it('is 401, 404 for roles without the permission and for a person or case the caller cannot see', async () => {
    const { caseId, personId } = await offenceCase();
    expect((await api.server.anonymous().get(`/api/cases/${caseId}/sensitive-facts`)).status).toBe(401);
    expect((await api.server.anonymous().get(`/api/persons/${personId}/sensitive-facts`)).status).toBe(401);
    for (const [login, client] of outsiders) {
      expect((await client.get(`/api/cases/${caseId}/sensitive-facts`)).status, login).toBe(404);
      expect((await client.get(`/api/persons/${personId}/sensitive-facts`)).status, login).toBe(404);
    }
    expect((await shogai.get(`/api/cases/${caseId}/sensitive-facts`)).status).toBe(404);
    expect((await shogai.get(`/api/persons/${personId}/sensitive-facts`)).status).toBe(404);
    expect((await coordinator.get('/api/cases/nope/sensitive-facts')).status).toBe(400);
  });
});

describe('POST /api/sensitive-facts/:id/reveal (sensitiveFacts.reveal)', () => {
  it('returns the content with a reason, audited with the reason as purpose; 404 for organisations not granted', async () => {
    const { caseId, personId } = await offenceCase();
    const fact = await recordSecretOffence(hogokansatsu, personId, caseId);
    const response = await hogokansatsu.post<RevealedSensitiveFact>(
      `/api/sensitive-facts/${fact.id}/reveal`,
      {
        reason: '住まい探しの支援方針を検討するため',
      },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: fact.id, summary: '窃盗（満期釈放）', details: SECRET });
    const audit = await api.server.latestAudit('sensitiveFact.reveal');
    expect(audit).toMatchObject({
      resource_id: fact.id,
      person_id: personId,
      case_id: caseId,
      legal_basis: 'recorder',
      actor_login_id: 'hogokansatsu',
    });
    expect(auditDetails(audit)).toMatchObject({ purpose: '住まい探しの支援方針を検討するため' });

    const missing = await hogokansatsu.post(`/api/sensitive-facts/${fact.id}/reveal`, {});
    expect(missing.status).toBe(400);
    expect(problemFields(missing.body)).toEqual(['reason']);
    expect((missing.body as { detail: string }).detail).toContain('理由');
    for (const client of [coordinator, hogo, houkatsu, shogai]) {
      expect((await client.post(`/api/sensitive-facts/${fact.id}/reveal`, { reason: '確認' })).status).toBe(
        404,
      );
    }
    for (const [login, client] of outsiders) {
      expect(
        (await client.post(`/api/sensitive-facts/${fact.id}/reveal`, { reason: '確認' })).status,
        login,
      ).toBe(404);
    }
    expect(
      (await api.server.anonymous().post(`/api/sensitive-facts/${fact.id}/reveal`, { reason: '確認' }))
        .status,
    ).toBe(401);
  });
});

describe('grants (sensitiveFacts.grant, sensitiveFacts.revokeGrant)', () => {
  it('shares on consent with the right scope or on a 支援会議; refuses others; revokes at once', async () => {
    const { caseId, personId, consentId } = await offenceCase();
    const fact = await recordSecretOffence(hogokansatsu, personId, caseId);

    // the recording organisation grants the coordinating section: consent covers 犯罪歴等
    const toCoordinator = await hogokansatsu.post<SensitiveFact>(`/api/sensitive-facts/${fact.id}/grants`, {
      organizationId: org('重層事業担当'),
      reason: '支援プランの調整のため',
    });
    expect(toCoordinator.status).toBe(201);
    const coordinatorGrant = toCoordinator.body.grants.find((g) => g.organization.name === '重層事業担当');
    expect(coordinatorGrant).toMatchObject({
      legalBasis: 'consent',
      sourceId: consentId,
      reason: '支援プランの調整のため',
      abilities: { revoke: true },
    });
    const audit = await api.server.latestAudit('sensitiveFact.grant');
    expect(audit).toMatchObject({ resource_id: fact.id, legal_basis: 'consent', case_id: caseId });
    expect(auditDetails(audit)).toMatchObject({
      organizationId: org('重層事業担当'),
      reason: '支援プランの調整のため',
    });
    expect((await listOfCase(coordinator, caseId)).map((f) => f.id)).toEqual([fact.id]);

    // the coordinating section, now granted, grants 保護第一課
    const toHogo = await coordinator.post<SensitiveFact>(`/api/sensitive-facts/${fact.id}/grants`, {
      organizationId: org('保護第一課'),
      reason: '生活保護の申請支援のため',
    });
    expect(toHogo.status).toBe(201);
    expect((await listOfCase(hogo, caseId)).map((f) => f.id)).toEqual([fact.id]);
    // a grantee that neither recorded it nor coordinates cannot pass it on
    const hogoList = await listOfCase(hogo, caseId);
    expect(hogoList[0]?.abilities).toEqual({ reveal: true, grant: false });
    const passOn = await hogo.post(`/api/sensitive-facts/${fact.id}/grants`, {
      organizationId: org('地域包括支援センター'),
      reason: '共有',
    });
    expect(passOn.status).toBe(403);

    // 障害者相談支援事業所 takes no part in the case: 409
    const outside = await hogokansatsu.post(`/api/sensitive-facts/${fact.id}/grants`, {
      organizationId: org('障害者相談支援事業所'),
      reason: '共有',
    });
    expect(outside.status).toBe(409);
    expect(outside.body).toMatchObject({ code: 'sensitiveFact.notParticipating' });
    // 地域包括支援センター takes part (intake) but the consent does not cover it: 409 consent.required
    const uncovered = await hogokansatsu.post(`/api/sensitive-facts/${fact.id}/grants`, {
      organizationId: org('地域包括支援センター'),
      reason: '共有',
    });
    expect(uncovered.status).toBe(409);
    expect(uncovered.body).toMatchObject({ code: 'consent.required' });
    // ... until it is a member of a 支援会議 of the case (社会福祉法第106条の6)
    const supportMeeting = await coordinator.post<{ id: string }>(`/api/cases/${caseId}/meetings`, {
      kindId: api.dir.meetingKind('supportMeeting'),
      title: '支援会議（試験）',
      scheduledAt: '2026-11-25T10:00:00+09:00',
      place: '市役所',
      agenda: '見守り',
      invitedOrganizationIds: [org('地域包括支援センター')],
    });
    expect(supportMeeting.status).toBe(201);
    const byMeeting = await hogokansatsu.post<SensitiveFact>(`/api/sensitive-facts/${fact.id}/grants`, {
      organizationId: org('地域包括支援センター'),
      reason: '支援会議での検討のため',
    });
    expect(byMeeting.status).toBe(201);
    expect(byMeeting.body.grants.find((g) => g.organization.name === '地域包括支援センター')).toMatchObject({
      legalBasis: 'article106_6',
      sourceId: supportMeeting.body.id,
    });

    // duplicates and bad input
    const twice = await hogokansatsu.post(`/api/sensitive-facts/${fact.id}/grants`, {
      organizationId: org('保護第一課'),
      reason: '再度',
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'sensitiveFact.grantExists' });
    for (const [body, field] of [
      [{ organizationId: org('保護第一課') }, 'reason'],
      [{ organizationId: 'x', reason: '共有' }, 'organizationId'],
      [{ organizationId: '00000000-0000-4000-8000-000000000000', reason: '共有' }, 'organizationId'],
    ] as const) {
      const response = await hogokansatsu.post(`/api/sensitive-facts/${fact.id}/grants`, body);
      expect(response.status, field).toBe(400);
      expect(problemFields(response.body)).toEqual([field]);
    }

    // revoke: 保護第一課 loses it at once
    const hogoGrant = toHogo.body.grants.find((g) => g.organization.name === '保護第一課');
    const revoked = await hogokansatsu.delete(`/api/sensitive-facts/${fact.id}/grants/${hogoGrant?.id}`);
    expect(revoked.status).toBe(204);
    expect(await listOfCase(hogo, caseId)).toEqual([]);
    expect((await hogo.post(`/api/sensitive-facts/${fact.id}/reveal`, { reason: '確認' })).status).toBe(404);
    expect(auditDetails(await api.server.latestAudit('sensitiveFact.revokeGrant'))).toMatchObject({
      grantId: hogoGrant?.id,
      organizationId: org('保護第一課'),
    });
    const again = await hogokansatsu.delete(`/api/sensitive-facts/${fact.id}/grants/${hogoGrant?.id}`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'sensitiveFact.grantRevoked' });
    const recorderGrant = fact.grants[0];
    const own = await coordinator.delete(`/api/sensitive-facts/${fact.id}/grants/${recorderGrant?.id}`);
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ code: 'sensitiveFact.recorderGrant' });
    expect(
      (
        await hogokansatsu.delete(
          `/api/sensitive-facts/${fact.id}/grants/00000000-0000-4000-8000-000000000000`,
        )
      ).status,
    ).toBe(404);

    // withdrawing the consent revokes the grants resting on it, in the same transaction
    const withdrawn = await coordinator.post(`/api/consents/${consentId}/withdraw`, { reason: '本人の申出' });
    expect(withdrawn.status).toBe(200);
    expect(await listOfCase(coordinator, caseId)).toEqual([]);
    expect(
      auditDetails(await api.server.latestAudit('consent.withdraw')).revokedSensitiveFactGrantIds,
    ).toEqual([coordinatorGrant?.id]);
    // the 支援会議 grant does not rest on consent and stays
    expect((await listOfCase(houkatsu, caseId)).map((f) => f.id)).toEqual([fact.id]);
  });

  it('is 401, and 404 for roles without the permission, for organisations not granted and for unknown facts', async () => {
    const { caseId, personId } = await offenceCase();
    const fact = await recordSecretOffence(hogokansatsu, personId, caseId);
    const body = { organizationId: org('保護第一課'), reason: '共有' };
    expect((await api.server.anonymous().post(`/api/sensitive-facts/${fact.id}/grants`, body)).status).toBe(
      401,
    );
    expect(
      (await api.server.anonymous().delete(`/api/sensitive-facts/${fact.id}/grants/${fact.grants[0]?.id}`))
        .status,
    ).toBe(401);
    for (const [login, client] of outsiders) {
      expect((await client.post(`/api/sensitive-facts/${fact.id}/grants`, body)).status, login).toBe(404);
      expect(
        (await client.delete(`/api/sensitive-facts/${fact.id}/grants/${fact.grants[0]?.id}`)).status,
        login,
      ).toBe(404);
    }
    // the coordinating section sees the case but is not granted: it cannot learn the fact exists
    expect((await coordinator.post(`/api/sensitive-facts/${fact.id}/grants`, body)).status).toBe(404);
    expect((await hogo.delete(`/api/sensitive-facts/${fact.id}/grants/${fact.grants[0]?.id}`)).status).toBe(
      404,
    );
    expect(
      (await hogokansatsu.post('/api/sensitive-facts/00000000-0000-4000-8000-000000000000/grants', body))
        .status,
    ).toBe(404);
  });
});

describe('the 犯罪をした者等 marker in the council paper (caseworkFigures)', () => {
  it('counts cases carrying an offence fact, suppressed under 5', async () => {
    const plan = await api.server.as('plan');
    const council = await api.server.as('council');
    const created = await plan.post<CouncilMeeting>('/api/council/meetings', {
      heldAt: '2026-11-20T14:00:00+09:00',
      place: '鹿児島市役所 本館 会議室',
      isOpen: true,
      observersCount: 0,
      agenda: '計画の進捗状況について',
      attendees: [{ organizationId: org('鹿児島保護観察所'), attendeeName: '山下 一郎' }],
    });
    expect(created.status).toBe(201);
    const paper = async () =>
      (await council.get<CouncilPaper>(`/api/council/meetings/${created.body.id}/paper?fiscalYear=2026`)).body
        .casework.peopleSupported;
    const before = await paper();
    const baseline = typeof before === 'number' ? before : 0;
    expect(before === '5未満' || typeof before === 'number').toBe(true);

    // an offence fact of the person but not on the case is no marker
    const unmarked = await createCase(api.server.database.db, api.dir);
    await coordinator.post('/api/sensitive-facts', {
      personId: unmarked.personId,
      kind: 'offence',
      subtype: 'probation',
      summary: '（試験）',
    });
    const marked: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { caseId, personId } = await createCase(api.server.database.db, api.dir);
      await coordinator.post('/api/sensitive-facts', {
        personId,
        caseId,
        kind: 'offence',
        subtype: i % 2 ? 'parole' : 'sentenceServed',
        summary: '（試験）',
      });
      marked.push(caseId);
      if (i === 2 && baseline === 0) expect(await paper()).toBe('5未満');
    }
    expect(await paper()).toBe(baseline + 6);
    const text = JSON.stringify(
      (await council.get(`/api/council/meetings/${created.body.id}/paper?fiscalYear=2026`)).body,
    );
    for (const caseId of marked) expect(text).not.toContain(caseId);
  });
});
