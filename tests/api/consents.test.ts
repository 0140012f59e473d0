import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/contract/cases.ts';
import type { Consent } from '../../src/contract/consents.ts';
import { activeConsentCovering, organizationsWithoutConsent } from '../../src/db/consents.ts';
import { now } from '../../src/domain/clock.ts';
import { startTestClock } from '../support/clock.ts';
import { demoApi } from '../support/demoApi.ts';
import { caseEvent, createCase, createConsultation, createPerson } from '../support/factories.ts';
import { auditDetails } from '../support/testServer.ts';

startTestClock();
const api = demoApi('coordinator', 'houkatsu', 'shogai', 'hogokansatsu', 'council', 'plan');
const { coordinator, houkatsu, shogai, hogokansatsu, council, plan } = api;

const org = (name: string) => api.dir.organization(name);
const fieldsOf = (body: unknown) =>
  (body as { errors?: { field: string }[] }).errors?.map((e) => e.field) ?? [];

const input = (personId: string, caseId: string | undefined, overrides: Record<string, unknown> = {}) => ({
  personId,
  ...(caseId ? { caseId } : {}),
  organizationIds: [org('障害者相談支援事業所'), org('保護第一課')],
  categories: ['basic', 'consultation', 'health'],
  givenOn: '2026-11-02',
  method: 'signedForm',
  ...overrides,
});

describe('POST /api/consents (consents.create)', () => {
  it('records a case consent by the coordinator: on the timeline, on the case page, audited with legal basis consent', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir);
    const response = await coordinator.post<Consent>(
      '/api/consents',
      input(personId, caseId, { expiresOn: '2027-11-01' }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      person: { id: personId },
      caseId,
      organizations: [
        { id: org('障害者相談支援事業所'), name: '障害者相談支援事業所' },
        { id: org('保護第一課'), name: '保護第一課' },
      ],
      categories: [
        { code: 'basic', label: '基本情報（氏名・住所・連絡先・世帯）' },
        { code: 'consultation', label: '相談内容' },
        { code: 'health', label: '心身の状況・障害・病歴（要配慮個人情報）' },
      ],
      method: 'signedForm',
      witness: null,
      givenOn: '2026-11-02',
      expiresOn: '2027-11-01',
      withdrawnAt: null,
      active: true,
      recordedBy: { name: '重層 調整' },
      abilities: { withdraw: true, attachScan: true },
    });
    const audit = await api.server.latestAudit('consent.create');
    expect(audit).toMatchObject({
      resource_id: response.body.id,
      person_id: personId,
      case_id: caseId,
      legal_basis: 'consent',
      actor_login_id: 'coordinator',
    });
    const event = await caseEvent(api.server.database.db, caseId, 'consentRecorded');
    expect(event.subject_id).toBe(response.body.id);
    expect(event.summary).toContain('共有先：障害者相談支援事業所、保護第一課');
    const page = await coordinator.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(page.body.consents.map((c) => c.id)).toEqual([response.body.id]);
    // recording consent shares nothing by itself: the organisations still cannot see the case
    expect((await shogai.get(`/api/cases/${caseId}`)).status).toBe(404);
  });

  it('lets the intake counter record the consent given at intake (no case), oral with a witness', async () => {
    const { personId } = await createConsultation(api.server.database.db, api.dir);
    const response = await houkatsu.post<Consent>(
      '/api/consents',
      input(personId, undefined, {
        organizationIds: [org('重層事業担当')],
        method: 'oralWithWitness',
        witness: '包括 同席者',
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      caseId: null,
      method: 'oralWithWitness',
      witness: '包括 同席者',
      recordedBy: { name: '包括 相談' },
    });
    const audit = await api.server.latestAudit('consent.create');
    expect(audit).toMatchObject({ person_id: personId, case_id: null, legal_basis: 'consent' });
  });

  it('is 403 for a caseworker recording a consent for a case they can see but do not coordinate', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir);
    const response = await houkatsu.post('/api/consents', input(personId, caseId));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth.forbidden' });
  });

  it('is 404 for a person or case the caller cannot see; 400 for a person outside the case', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir);
    expect((await hogokansatsu.post('/api/consents', input(personId, undefined))).status).toBe(404);
    expect((await shogai.post('/api/consents', input(personId, caseId))).status).toBe(404);
    const other = await createCase(api.server.database.db, api.dir);
    const mismatch = await coordinator.post('/api/consents', input(other.personId, caseId));
    expect(mismatch.status).toBe(400);
    expect(fieldsOf(mismatch.body)).toEqual(['personId']);
    const stranger = await createPerson(api.server.database.db, api.dir);
    expect((await coordinator.post('/api/consents', input(stranger, undefined))).status).toBe(404);
    expect(
      (await coordinator.post('/api/consents', input(personId, '00000000-0000-4000-8000-000000000000')))
        .status,
    ).toBe(404);
  });

  it('rejects bad input with 400 naming the field, writing nothing', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir);
    const cases: [Record<string, unknown>, string][] = [
      [input(personId, caseId, { method: 'oralWithWitness' }), 'witness'],
      [input(personId, caseId, { organizationIds: [] }), 'organizationIds'],
      [
        input(personId, caseId, { organizationIds: ['00000000-0000-4000-8000-000000000000'] }),
        'organizationIds.0',
      ],
      [
        input(personId, caseId, { organizationIds: [org('保護第一課'), org('保護第一課')] }),
        'organizationIds',
      ],
      [input(personId, caseId, { categories: ['everything'] }), 'categories.0'],
      [input(personId, caseId, { categories: [] }), 'categories'],
      [input(personId, caseId, { givenOn: '2026-02-30' }), 'givenOn'],
      [input(personId, caseId, { givenOn: '2999-01-01' }), 'givenOn'],
      [input(personId, caseId, { expiresOn: '2026-11-01' }), 'expiresOn'],
      [input(personId, caseId, { method: 'email' }), 'method'],
      [input('nobody', caseId), 'personId'],
    ];
    for (const [body, field] of cases) {
      const response = await coordinator.post('/api/consents', body);
      expect(response.status, field).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      expect(fieldsOf(response.body), field).toContain(field);
    }
    const stored = await api.server.database.db
      .selectFrom('consents')
      .select('id')
      .where('person_id', '=', personId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('is 401 unauthenticated and 404 for council and plan', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir);
    expect((await api.server.anonymous().post('/api/consents', input(personId, caseId))).status).toBe(401);
    for (const client of [council, plan]) {
      const response = await client.post('/api/consents', input(personId, caseId));
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'notFound' });
    }
  });
});

describe('activeConsentCovering (used when approving plans and convening 重層的支援会議)', () => {
  it('covers organisations with consents in force for this case or for no case, and nothing else', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir);
    const shogaiId = org('障害者相談支援事業所');
    const hogoId = org('保護第一課');
    const kansatsuId = org('鹿児島保護観察所');
    const query = (organizationIds: string[], onDate = '2026-11-20') => ({
      tenantId: api.dir.tenantId,
      personId,
      caseId,
      organizationIds,
      onDate,
    });
    const db = api.server.database.db;
    expect(await activeConsentCovering(db, query([shogaiId]))).toBe(false);

    // intake consent (no case) covering 障害者相談支援事業所
    await houkatsu.post('/api/consents', input(personId, undefined, { organizationIds: [shogaiId] }));
    expect(await activeConsentCovering(db, query([shogaiId]))).toBe(true);
    expect(await activeConsentCovering(db, query([shogaiId], '2026-11-01'))).toBe(false); // before it was given

    // a case consent covering 保護第一課, expiring
    const caseConsent = await coordinator.post<Consent>(
      '/api/consents',
      input(personId, caseId, { organizationIds: [hogoId], expiresOn: '2026-12-31' }),
    );
    expect(await activeConsentCovering(db, query([shogaiId, hogoId]))).toBe(true);
    expect(await activeConsentCovering(db, query([shogaiId, hogoId], '2027-01-01'))).toBe(false);
    expect(await organizationsWithoutConsent(db, query([shogaiId, hogoId, kansatsuId]))).toEqual([
      kansatsuId,
    ]);

    // a consent given for another case of the same person does not count
    const otherCase = await createCase(api.server.database.db, api.dir, { personId });
    await coordinator.post(
      '/api/consents',
      input(personId, otherCase.caseId, { organizationIds: [kansatsuId] }),
    );
    expect(await activeConsentCovering(db, query([kansatsuId]))).toBe(false);
    expect(await activeConsentCovering(db, { ...query([kansatsuId]), caseId: otherCase.caseId })).toBe(true);

    // withdrawn consents never count
    await db
      .updateTable('consents')
      .set({ withdrawn_at: now(), withdrawal_reason: '本人の申出' })
      .where('id', '=', caseConsent.body.id)
      .execute();
    expect(await activeConsentCovering(db, query([hogoId]))).toBe(false);
    const page = await coordinator.get<CaseDetail>(`/api/cases/${caseId}`);
    const withdrawn = page.body.consents.find((c) => c.id === caseConsent.body.id);
    expect(withdrawn).toMatchObject({ active: false });
    expect(withdrawn?.withdrawnAt).not.toBeNull();
    // the other case's consent is not shown on this case's page
    expect(page.body.consents).toHaveLength(2);
  });
});

const meetingAt = (kind: 'supportMeeting' | 'multilayerMeeting', invited: string[]) => ({
  kindId: api.dir.meetingKind(kind),
  title: kind === 'supportMeeting' ? '支援会議（試験）' : '重層的支援会議（試験）',
  scheduledAt: '2026-11-20T10:00:00+09:00',
  place: '市役所本館3階会議室',
  agenda: '役割分担の検討',
  invitedOrganizationIds: invited.map(org),
});

async function participantsOf(caseId: string) {
  return api.server.database.db
    .selectFrom('case_participants')
    .select(['organization_id', 'basis', 'scope', 'legal_basis', 'source_id', 'meeting_id'])
    .where('case_id', '=', caseId)
    .execute();
}

/** A case shared with 障害者相談支援事業所 and 保護第一課 by a 重層的支援会議 on the case consent. */
async function sharedCase() {
  const { caseId, personId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
  const consent = await coordinator.post<Consent>(
    '/api/consents',
    input(personId, caseId, { organizationIds: [org('障害者相談支援事業所'), org('保護第一課')] }),
  );
  expect(consent.status).toBe(201);
  const meeting = await coordinator.post<{ id: string }>(
    `/api/cases/${caseId}/meetings`,
    meetingAt('multilayerMeeting', ['障害者相談支援事業所', '保護第一課']),
  );
  expect(meeting.status).toBe(201);
  return { caseId, personId, consentId: consent.body.id, meetingId: meeting.body.id };
}

describe('sharing paths store their legal basis and check the consent scope', () => {
  it('a 重層的支援会議 invitation shares the case on the consent (source_id = consent id)', async () => {
    const { caseId, consentId, meetingId } = await sharedCase();
    const shared = (await participantsOf(caseId)).filter((p) => p.basis === 'meeting');
    expect(shared).toHaveLength(2);
    for (const row of shared) {
      expect(row).toMatchObject({
        scope: 'case',
        legal_basis: 'consent',
        source_id: consentId,
        meeting_id: meetingId,
      });
    }
  });

  it('without consent only a 支援会議 shares, with article106_6 and scope meeting', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    const meeting = await coordinator.post<{ id: string }>(
      `/api/cases/${caseId}/meetings`,
      meetingAt('supportMeeting', ['鹿児島保護観察所']),
    );
    expect(meeting.status).toBe(201);
    const rows = (await participantsOf(caseId)).filter((p) => p.basis === 'meeting');
    expect(rows).toEqual([
      {
        organization_id: org('鹿児島保護観察所'),
        basis: 'meeting',
        scope: 'meeting',
        legal_basis: 'article106_6',
        source_id: null,
        meeting_id: meeting.body.id,
      },
    ]);
    expect((await hogokansatsu.get(`/api/cases/${caseId}`)).status).toBe(404);
  });

  it('a consent whose scope lacks 基本情報 shares no case (409 consent.required)', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    await coordinator.post(
      '/api/consents',
      input(personId, caseId, { organizationIds: [org('障害者相談支援事業所')], categories: ['health'] }),
    );
    const refused = await coordinator.post(
      `/api/cases/${caseId}/meetings`,
      meetingAt('multilayerMeeting', ['障害者相談支援事業所']),
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'consent.required' });
    expect((await participantsOf(caseId)).filter((p) => p.basis === 'meeting')).toEqual([]);
  });
});

describe('POST /api/consents/:id/withdraw (consents.withdraw)', () => {
  it('takes effect at once: an organisation there only by the consent gets 404, others keep the case', async () => {
    const { caseId, personId, consentId, meetingId } = await sharedCase();
    expect((await shogai.get(`/api/meetings/${meetingId}`)).status).toBe(200);
    // 保護第一課 is also covered by an intake consent, so it keeps its place on that ground
    const intake = await houkatsu.post<Consent>(
      '/api/consents',
      input(personId, undefined, { organizationIds: [org('保護第一課')] }),
    );
    expect(intake.status).toBe(201);
    expect((await shogai.get(`/api/cases/${caseId}`)).status).toBe(200);
    const hogo = await api.server.as('hogo');
    expect((await hogo.get(`/api/cases/${caseId}`)).status).toBe(200);

    const response = await coordinator.post<Consent>(`/api/consents/${consentId}/withdraw`, {
      withdrawnOn: '2026-11-21',
      reason: '本人から電話で撤回の申出',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: consentId,
      active: false,
      withdrawal: {
        withdrawnOn: '2026-11-21',
        reason: '本人から電話で撤回の申出',
        recordedBy: { name: '重層 調整' },
        lostAccess: [
          { caseId, organizations: [{ id: org('障害者相談支援事業所'), name: '障害者相談支援事業所' }] },
        ],
      },
      abilities: { withdraw: false },
    });
    expect(response.body.withdrawnAt).not.toBeNull();

    // immediately: the organisation with no other ground cannot find the case
    expect((await shogai.get(`/api/cases/${caseId}`)).status).toBe(404);
    const shogaiList = await shogai.get<{ items: { id: string }[] }>('/api/cases?limit=100');
    expect(shogaiList.body.items.map((c) => c.id)).not.toContain(caseId);
    // the 重層的支援会議 it was invited to on that consent is closed to it too
    expect((await shogai.get(`/api/meetings/${meetingId}`)).status).toBe(404);
    // the intake counter, the coordinating section and 保護第一課 (other consent) still see it
    expect((await houkatsu.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await coordinator.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await hogo.get(`/api/cases/${caseId}`)).status).toBe(200);
    const rows = await participantsOf(caseId);
    expect(rows.find((p) => p.organization_id === org('保護第一課') && p.basis === 'meeting')).toMatchObject({
      legal_basis: 'consent',
      source_id: intake.body.id,
    });
    expect(rows.some((p) => p.organization_id === org('障害者相談支援事業所'))).toBe(false);
    expect(rows.map((p) => p.basis).sort()).toEqual(['coordinator', 'intake', 'meeting']);

    // the case page shows the withdrawal and who lost access
    const page = await coordinator.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(page.body.consents.find((c) => c.id === consentId)?.withdrawal?.lostAccess).toEqual([
      { caseId, organizations: [{ id: org('障害者相談支援事業所'), name: '障害者相談支援事業所' }] },
    ]);
    const event = await caseEvent(api.server.database.db, caseId, 'consentWithdrawn');
    expect(event.subject_id).toBe(consentId);
    expect(event.summary).toContain('次の機関は事例を閲覧できなくなりました：障害者相談支援事業所');
    const audit = await api.server.latestAudit('consent.withdraw');
    expect(audit).toMatchObject({
      resource_id: consentId,
      case_id: caseId,
      person_id: personId,
      actor_login_id: 'coordinator',
    });
    expect(auditDetails(audit)).toMatchObject({
      reason: '本人から電話で撤回の申出',
      withdrawnOn: '2026-11-21',
      lostAccess: [{ caseId, organizationIds: [org('障害者相談支援事業所')] }],
    });

    // twice: 409 with its own code
    const again = await coordinator.post(`/api/consents/${consentId}/withdraw`, { reason: '重ねて' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'consent.alreadyWithdrawn' });
    // a new 重層的支援会議 with 障害者相談支援事業所 is refused now
    const refused = await coordinator.post(
      `/api/cases/${caseId}/meetings`,
      meetingAt('multilayerMeeting', ['障害者相談支援事業所']),
    );
    expect(refused.body).toMatchObject({ code: 'consent.required' });
  });

  it('keeps organisations that take part by a 支援会議 (article106_6) and the intake counter', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    const consent = await coordinator.post<Consent>(
      '/api/consents',
      input(personId, caseId, { organizationIds: [org('地域包括支援センター'), org('鹿児島保護観察所')] }),
    );
    const supportMeeting = await coordinator.post<{ id: string }>(
      `/api/cases/${caseId}/meetings`,
      meetingAt('supportMeeting', ['鹿児島保護観察所']),
    );
    const before = await participantsOf(caseId);
    const response = await coordinator.post<Consent>(`/api/consents/${consent.body.id}/withdraw`, {
      reason: '本人の申出',
    });
    expect(response.status).toBe(200);
    expect(response.body.withdrawal?.lostAccess).toEqual([]);
    expect(response.body.withdrawal?.withdrawnOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await participantsOf(caseId)).length).toBe(before.length);
    expect((await houkatsu.get(`/api/cases/${caseId}`)).status).toBe(200);
    // the 支援会議 invitee keeps that meeting (article106_6 needs no consent)
    expect((await hogokansatsu.get(`/api/meetings/${supportMeeting.body.id}`)).status).toBe(200);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const { consentId } = await sharedCase();
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'reason'],
      [{ reason: '   ' }, 'reason'],
      [{ reason: '申出', withdrawnOn: '2999-01-01' }, 'withdrawnOn'],
      [{ reason: '申出', withdrawnOn: '2026-11-01' }, 'withdrawnOn'], // before the consent was given
      [{ reason: '申出', withdrawnOn: '2026-13-01' }, 'withdrawnOn'],
    ];
    for (const [body, field] of cases) {
      const response = await coordinator.post(`/api/consents/${consentId}/withdraw`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
      expect((response.body as { detail: string }).detail).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
    const row = await api.server.database.db
      .selectFrom('consents')
      .select('withdrawn_at')
      .where('id', '=', consentId)
      .executeTakeFirstOrThrow();
    expect(row.withdrawn_at).toBeNull();
  });

  it('is 401 unauthenticated, 404 for roles without casework and for organisations that cannot see it, 403 for a viewer who may not withdraw', async () => {
    const { consentId, caseId } = await sharedCase();
    const body = { reason: '申出' };
    expect((await api.server.anonymous().post(`/api/consents/${consentId}/withdraw`, body)).status).toBe(401);
    for (const login of ['council', 'plan', 'auditor', 'admin']) {
      const client = await api.server.as(login);
      const response = await client.post(`/api/consents/${consentId}/withdraw`, body);
      expect(response.status, login).toBe(404);
    }
    expect((await hogokansatsu.post(`/api/consents/${consentId}/withdraw`, body)).status).toBe(404);
    expect(
      (await coordinator.post('/api/consents/00000000-0000-4000-8000-000000000000/withdraw', body)).status,
    ).toBe(404);
    // 地域包括支援センター sees the case but neither recorded the consent nor coordinates
    expect((await houkatsu.get(`/api/cases/${caseId}`)).status).toBe(200);
    const refused = await houkatsu.post(`/api/consents/${consentId}/withdraw`, body);
    expect(refused.status).toBe(403);
  });
});

describe('GET /api/persons/:id/consents (consents.list)', () => {
  it('lists the consents of a visible person, without those for cases the caller cannot see; audited', async () => {
    const { caseId, personId, consentId } = await sharedCase();
    const intake = await houkatsu.post<Consent>(
      '/api/consents',
      input(personId, undefined, { organizationIds: [org('重層事業担当')] }),
    );
    // another case of the same person, taken at 障害者相談支援事業所: 地域包括支援センター is not in it
    const other = await createCase(api.server.database.db, api.dir, {
      personId,
      organization: '障害者相談支援事業所',
    });
    const hidden = await coordinator.post<Consent>(
      '/api/consents',
      input(personId, other.caseId, { organizationIds: [org('保護第一課')] }),
    );
    expect(hidden.status).toBe(201);

    const mine = await houkatsu.get<{ items: Consent[] }>(`/api/persons/${personId}/consents`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c) => c.id).sort()).toEqual([consentId, intake.body.id].sort());
    expect(mine.body.items.find((c) => c.id === intake.body.id)?.abilities).toEqual({
      withdraw: true,
      attachScan: true,
    });
    expect(mine.body.items.find((c) => c.id === consentId)?.abilities).toEqual({
      withdraw: false,
      attachScan: false,
    });
    const coordinatorView = await coordinator.get<{ items: Consent[] }>(`/api/persons/${personId}/consents`);
    expect(coordinatorView.body.items.map((c) => c.id)).toContain(hidden.body.id);
    const audit = await api.server.latestAudit('consent.list');
    expect(audit?.person_id).toBe(personId);
    expect(auditDetails(audit).consentIds).toHaveLength(3);
    expect(caseId).toBeTruthy();

    expect((await hogokansatsu.get(`/api/persons/${personId}/consents`)).status).toBe(404);
    expect((await api.server.anonymous().get(`/api/persons/${personId}/consents`)).status).toBe(401);
    for (const login of ['council', 'plan', 'auditor', 'admin']) {
      expect(
        (await (await api.server.as(login)).get(`/api/persons/${personId}/consents`)).status,
        login,
      ).toBe(404);
    }
    expect((await houkatsu.get('/api/persons/not-an-id/consents')).status).toBe(400);
  });
});

const png = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('PUT/GET /api/consents/:id/scan (consents.attachScan, consents.scan)', () => {
  it('stores a PDF with its SHA-256, replaces it with a PNG, and returns it as a download; both audited', async () => {
    const { consentId, personId } = await sharedCase();
    const first = await coordinator.request<Consent>('PUT', `/api/consents/${consentId}/scan`, {
      filename: '同意書.pdf',
      mediaType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
    expect(first.status).toBe(200);
    const pdfSha = createHash('sha256').update(pdf).digest('hex');
    expect(first.body.scan).toMatchObject({
      filename: '同意書.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: pdfSha,
    });
    const replaced = await coordinator.request<Consent>('PUT', `/api/consents/${consentId}/scan`, {
      filename: 'scan.png',
      mediaType: 'image/png',
      contentBase64: png.toString('base64'),
    });
    expect(replaced.status).toBe(200);
    const pngSha = createHash('sha256').update(png).digest('hex');
    expect(replaced.body.scan?.sha256).toBe(pngSha);
    expect(auditDetails(await api.server.latestAudit('consent.attachScan'))).toMatchObject({
      sha256: pngSha,
      replacedSha256: pdfSha,
      mediaType: 'image/png',
    });

    // a viewer of the case (障害者相談支援事業所, by the consent) may download it
    const response = await fetch(new URL(`/api/consents/${consentId}/scan`, api.server.url), {
      headers: { cookie: shogai.cookie ?? '' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=.*scan\.png/);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    const read = await api.server.latestAudit('consent.readScan');
    expect(read).toMatchObject({ resource_id: consentId, person_id: personId, actor_login_id: 'shogai' });
    expect(auditDetails(read)).toMatchObject({ sha256: pngSha });
  });

  it('refuses files that are not what they claim, too large, or badly named (400 naming the field)', async () => {
    const { consentId } = await sharedCase();
    const put = (body: Record<string, unknown>) =>
      coordinator.request('PUT', `/api/consents/${consentId}/scan`, {
        filename: 'scan.pdf',
        mediaType: 'application/pdf',
        contentBase64: pdf.toString('base64'),
        ...body,
      });
    const disguised = await put({ contentBase64: png.toString('base64') });
    expect(disguised.status).toBe(400);
    expect(disguised.body).toMatchObject({ code: 'consent.scanInvalid' });
    expect(fieldsOf(disguised.body)).toEqual(['contentBase64']);
    const text = await put({ contentBase64: Buffer.from('hello, not a pdf').toString('base64') });
    expect(text.body).toMatchObject({ code: 'consent.scanInvalid' });
    const big = Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await put({ contentBase64: big.toString('base64') });
    expect(tooBig.status).toBe(400);
    expect(fieldsOf(tooBig.body)).toEqual(['contentBase64']);
    for (const [body, field] of [
      [{ mediaType: 'image/gif' }, 'mediaType'],
      [{ filename: '' }, 'filename'],
      [{ filename: '../etc/passwd' }, 'filename'],
      [{ contentBase64: '***' }, 'contentBase64'],
    ] as const) {
      const response = await put(body);
      expect(response.status, field).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    }
    expect(
      await api.server.database.db
        .selectFrom('consent_scans')
        .select('id')
        .where('consent_id', '=', consentId)
        .execute(),
    ).toEqual([]);
    expect((await coordinator.get(`/api/consents/${consentId}/scan`)).status).toBe(404);
  });

  it('is 401, 404 for roles without casework and organisations that cannot see the consent, 403 for a viewer who may not attach', async () => {
    const { consentId } = await sharedCase();
    const body = {
      filename: 'scan.pdf',
      mediaType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    };
    expect((await coordinator.request('PUT', `/api/consents/${consentId}/scan`, body)).status).toBe(200);
    const anonymous = api.server.anonymous();
    expect((await anonymous.request('PUT', `/api/consents/${consentId}/scan`, body)).status).toBe(401);
    expect((await anonymous.get(`/api/consents/${consentId}/scan`)).status).toBe(401);
    for (const login of ['council', 'plan', 'auditor', 'admin']) {
      const client = await api.server.as(login);
      expect((await client.request('PUT', `/api/consents/${consentId}/scan`, body)).status, login).toBe(404);
      expect((await client.get(`/api/consents/${consentId}/scan`)).status, login).toBe(404);
    }
    expect((await hogokansatsu.get(`/api/consents/${consentId}/scan`)).status).toBe(404);
    expect((await hogokansatsu.request('PUT', `/api/consents/${consentId}/scan`, body)).status).toBe(404);
    expect((await houkatsu.request('PUT', `/api/consents/${consentId}/scan`, body)).status).toBe(403);
  });
});
