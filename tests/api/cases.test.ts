import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListItem, CaseTimeline } from '../../src/contract/cases.ts';
import { demoApi } from '../support/demoApi.ts';
import { addAssessment, addHouseholdMember, createCase, createPerson } from '../support/factories.ts';
import type { ApiClient } from '../support/testServer.ts';

const api = demoApi('coordinator', 'houkatsu', 'shogai', 'hogokansatsu', 'council', 'plan');
const { coordinator, houkatsu, shogai, hogokansatsu, council, plan } = api;

/** A coordinator-role user outside the case's coordinating section (自立相談支援機関). */
let otherCoordinator: ApiClient;

const OTHER_COORDINATOR_PASSWORD = 'jiritsu-coordinator-2026';

beforeAll(async () => {
  const admin = await api.server.as('admin');
  const created = await admin.post('/api/users', {
    loginId: 'jiritsu.coordinator',
    displayName: '自立 調整',
    organizationId: api.dir.organization('自立相談支援機関'),
    roles: ['coordinator'],
    password: OTHER_COORDINATOR_PASSWORD,
  });
  expect(created.status).toBe(201);
  otherCoordinator = api.server.anonymous();
  expect((await otherCoordinator.signIn('jiritsu.coordinator', OTHER_COORDINATOR_PASSWORD)).status).toBe(200);
});

type List = { items: CaseListItem[]; nextCursor: string | null };

async function listAll(client: ApiClient, query = ''): Promise<CaseListItem[]> {
  const response = await client.get<List>(`/api/cases?limit=100${query}`);
  expect(response.status).toBe(200);
  return response.body.items;
}

const fieldsOf = (body: unknown) =>
  (body as { errors?: { field: string }[] }).errors?.map((e) => e.field) ?? [];

describe('GET /api/cases (cases.list)', () => {
  it('lists the visible cases with their header, and only those', async () => {
    const personId = await createPerson(api.server.database.db, api.dir, {
      familyName: '南田',
      givenName: '健一',
      familyNameKana: 'ミナミダ',
      givenNameKana: 'ケンイチ',
    });
    const { caseId } = await createCase(api.server.database.db, api.dir, { personId });
    await addAssessment(api.server.database.db, api.dir, caseId, {
      issues: ['withdrawal'],
      householdFlags: ['8050', 'doubleCare'],
    });
    const items = await listAll(coordinator);
    const item = items.find((i) => i.id === caseId);
    expect(item).toMatchObject({
      stage: 'accepted',
      person: { id: personId, name: '南田 健一', kana: 'ミナミダ ケンイチ' },
      householdFlags: ['8050', 'doubleCare'],
      acceptedOn: '2026-10-02',
      nextMonitoringOn: null,
      coordinatingOrganization: { name: '重層事業担当' },
      leadOrganization: null,
      myParticipation: ['coordinator'],
      abilities: {
        assess: true,
        recordConsent: true,
        scheduleMeeting: true,
        createPlan: true,
        monitor: false,
        close: false,
        suspend: false,
        reopen: false,
        report: false,
        assign: true,
      },
      assignedUser: null,
    });
    expect(item?.caseNumber).toMatch(/^R8-\d{4}$/);
    const intake = (await listAll(houkatsu)).find((i) => i.id === caseId);
    expect(intake).toMatchObject({ myParticipation: ['intake'], abilities: { assess: false, close: false } });
    expect((await listAll(shogai)).map((i) => i.id)).not.toContain(caseId);
    expect((await listAll(hogokansatsu)).map((i) => i.id)).not.toContain(caseId);

    const audit = await api.server.latestAudit('case.list');
    expect(audit?.actor_login_id).toBe('hogokansatsu');
    const coordinatorAudit = await api.server.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'case.list')
      .where('actor_login_id', '=', 'coordinator')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const details = coordinatorAudit.details as unknown as { caseIds: string[]; personIds: string[] };
    expect(details.caseIds).toContain(caseId);
    expect(details.personIds).toContain(personId);
  });

  it('searches by kana (ひらがな, half-width) and by case number (full-width too)', async () => {
    const personId = await createPerson(api.server.database.db, api.dir, {
      familyName: '北条',
      givenName: '良子',
      familyNameKana: 'ホウジョウ',
      givenNameKana: 'ヨシコ',
    });
    const { caseId } = await createCase(api.server.database.db, api.dir, { personId });
    for (const q of ['ほうじょう', 'ﾎｳｼﾞｮｳ', 'ジョウヨシ']) {
      const ids = (await listAll(coordinator, `&q=${encodeURIComponent(q)}`)).map((i) => i.id);
      expect(ids, q).toEqual([caseId]);
    }
    const number = (await listAll(coordinator)).find((i) => i.id === caseId)?.caseNumber ?? '';
    const fullWidth = number.replace(/[0-9A-Z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const q of [number, number.toLowerCase(), fullWidth]) {
      expect(
        (await listAll(coordinator, `&q=${encodeURIComponent(q)}`)).map((i) => i.id),
        q,
      ).toContain(caseId);
    }
    expect(await listAll(hogokansatsu, `&q=${encodeURIComponent('ほうじょう')}`)).toEqual([]);
    expect(await listAll(coordinator, `&q=${encodeURIComponent('100%_')}`)).toEqual([]);
    expect((await api.server.latestAudit('case.list'))?.details).toMatchObject({ q: '100%_' });
  });

  it('filters by stage', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'watching' });
    const items = await listAll(coordinator, '&stage=watching');
    expect(items.map((i) => i.id)).toContain(caseId);
    expect(items.every((i) => i.stage === 'watching')).toBe(true);
  });

  it('pages by keyset, newest change first, without gaps or repeats', async () => {
    for (let i = 0; i < 3; i++) await createCase(api.server.database.db, api.dir);
    const all = await listAll(coordinator);
    expect(all.length).toBeGreaterThanOrEqual(5);
    const paged: CaseListItem[] = [];
    let cursor: string | null = null;
    do {
      const response: { status: number; body: List } = await coordinator.get<List>(
        `/api/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(paged.map((i) => i.id)).toEqual(all.map((i) => i.id));
    const times = all.map((i) => Date.parse(i.updatedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('rejects bad queries with 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['limit=0', 'クエリ.limit'],
      ['limit=101', 'クエリ.limit'],
      ['limit=abc', 'クエリ.limit'],
      ['cursor=not-a-cursor', 'クエリ.cursor'],
      [`cursor=${btoa('["x","y"]')}`, 'クエリ.cursor'],
      ['stage=finished', 'クエリ.stage'],
    ]) {
      const response = await coordinator.get(`/api/cases?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      expect(fieldsOf(response.body), query).toContain(field);
    }
  });

  it('is 401 unauthenticated and 404 for council and plan', async () => {
    expect((await api.server.anonymous().get('/api/cases')).status).toBe(401);
    for (const client of [council, plan]) {
      const response = await client.get('/api/cases');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'notFound' });
    }
  });
});

describe('GET /api/cases/:id (cases.get)', () => {
  it('returns everything the case page needs, audited', async () => {
    const { caseId, personId, householdId, consultationId, handoverId } = await createCase(
      api.server.database.db,
      api.dir,
    );
    const mother = await createPerson(api.server.database.db, api.dir, {
      familyName: '鹿島',
      givenName: 'トメ',
      familyNameKana: 'カシマ',
      givenNameKana: 'トメ',
      birthDate: '1942-05-05',
      sex: 'female',
    });
    await addHouseholdMember(api.server.database.db, api.dir, householdId, mother, 'mother');
    const response = await coordinator.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({
      id: caseId,
      stage: 'accepted',
      acceptedOn: '2026-10-02',
      closedOn: null,
      closureReason: null,
      closureEvaluation: null,
      coordinatingOrganization: { id: api.dir.organization('重層事業担当'), name: '重層事業担当' },
      leadOrganization: null,
      origin: {
        consultation: {
          id: consultationId,
          receivedOn: '2026-10-01',
          organization: { name: '地域包括支援センター' },
          channel: 'visit',
          mainTopic: 'care',
          consentToShare: true,
        },
        handover: {
          id: handoverId,
          fromOrganization: { name: '地域包括支援センター' },
          reason: '（試験）複合的な課題があり自機関のみでは解決が難しい',
          servicesTried: '（試験）介護保険サービスの案内',
        },
      },
      assessment: null,
      consents: [],
      meetings: [],
      myParticipation: ['coordinator'],
      abilities: { assess: true, scheduleMeeting: true, recordConsent: true, close: false },
    });
    expect(body.persons).toHaveLength(2);
    expect(body.persons[0]).toMatchObject({
      id: personId,
      isPrimary: true,
      isTarget: true,
      relation: 'self',
      livingTogether: true,
      birthDate: '1960-04-01',
    });
    expect(body.persons[1]).toMatchObject({
      id: mother,
      name: '鹿島 トメ',
      isPrimary: false,
      isTarget: false,
      relation: 'mother',
      birthDate: '1942-05-05',
      sex: 'female',
    });
    expect(body.participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          organization: { id: api.dir.organization('地域包括支援センター'), name: '地域包括支援センター' },
          basis: 'intake',
          scope: 'case',
          legalBasis: 'intake',
        }),
        expect.objectContaining({ basis: 'coordinator', legalBasis: 'coordination' }),
      ]),
    );
    const audit = await api.server.latestAudit('case.read');
    expect(audit).toMatchObject({
      case_id: caseId,
      person_id: personId,
      resource_id: caseId,
      actor_login_id: 'coordinator',
    });
    expect((audit?.details as unknown as { personIds: string[] } | undefined)?.personIds.sort()).toEqual(
      [personId, mother].sort(),
    );

    const intake = await houkatsu.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(intake.status).toBe(200);
    expect(intake.body.abilities).toEqual({
      assess: false,
      recordConsent: false,
      scheduleMeeting: false,
      createPlan: false,
      monitor: false,
      close: false,
      suspend: false,
      reopen: false,
      report: false,
      assign: false,
    });
  });

  it('is 404 for the uninvolved, council and plan, and for unknown ids; 400 malformed; 401 unauthenticated', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir);
    for (const client of [hogokansatsu, shogai, otherCoordinator, council, plan]) {
      expect((await client.get(`/api/cases/${caseId}`)).status).toBe(404);
    }
    expect((await coordinator.get('/api/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const malformed = await coordinator.get('/api/cases/123');
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.body)).toEqual(['パス.id']);
    expect((await api.server.anonymous().get(`/api/cases/${caseId}`)).status).toBe(401);
  });
});

describe('GET /api/cases/:id/timeline (cases.timeline)', () => {
  it('lists the case events newest first with actor names, by keyset, audited', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir);
    await coordinator.request('PUT', `/api/cases/${caseId}/assessment`, { issues: ['elderlyCare'] });
    await coordinator.request('PUT', `/api/cases/${caseId}/assessment`, { issues: ['dementia'] });
    const response = await houkatsu.get<CaseTimeline>(`/api/cases/${caseId}/timeline`);
    expect(response.status).toBe(200);
    const kinds = response.body.items.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'assessmentSaved')).toHaveLength(2);
    expect(kinds).toContain('stageChanged');
    expect(response.body.items[0]).toMatchObject({
      kind: 'assessmentSaved',
      summary: '課題整理（第2版）を記録',
      actor: { user: { name: '重層 調整' }, organization: { name: '重層事業担当' } },
    });
    const times = response.body.items.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(response.body.nextCursor).toBeNull();

    const first = await houkatsu.get<CaseTimeline>(`/api/cases/${caseId}/timeline?limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await houkatsu.get<CaseTimeline>(
      `/api/cases/${caseId}/timeline?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect([...first.body.items, ...second.body.items].map((e) => e.id)).toEqual(
      response.body.items.map((e) => e.id),
    );

    const audit = await api.server.latestAudit('case.timeline');
    expect(audit).toMatchObject({ case_id: caseId, person_id: personId, actor_login_id: 'houkatsu' });
    expect((audit?.details as unknown as { eventIds: string[] } | undefined)?.eventIds).toEqual(
      second.body.items.map((e) => e.id),
    );
  });

  it('is 404 for the uninvolved, council and plan; 400 for a bad cursor or limit; 401', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir);
    for (const client of [hogokansatsu, shogai, council, plan]) {
      expect((await client.get(`/api/cases/${caseId}/timeline`)).status).toBe(404);
    }
    const bad = await coordinator.get(`/api/cases/${caseId}/timeline?cursor=%%%`);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toContain('クエリ.cursor');
    expect(fieldsOf((await coordinator.get(`/api/cases/${caseId}/timeline?limit=-1`)).body)).toContain(
      'クエリ.limit',
    );
    expect((await api.server.anonymous().get(`/api/cases/${caseId}/timeline`)).status).toBe(401);
  });
});

describe('POST /api/cases/:id/close|suspend|reopen (cases.close, cases.suspend, cases.reopen)', () => {
  const close = (extra: Record<string, unknown> = {}) => ({
    reason: 'stabilised',
    evaluation: '母の介護サービス利用が定着し、長男も就労準備支援につながった。',
    ...extra,
  });

  it('closes, reopens, suspends and reopens again through the state machine, on the timeline, audited', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });

    const closed = await coordinator.post<CaseDetail>(`/api/cases/${caseId}/close`, close());
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      stage: 'closed',
      closureReason: 'stabilised',
      closureEvaluation: '母の介護サービス利用が定着し、長男も就労準備支援につながった。',
      abilities: { close: false, suspend: false, reopen: true, assess: false, scheduleMeeting: false },
    });
    expect(closed.body.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await api.server.latestAudit('case.close')).toMatchObject({
      case_id: caseId,
      person_id: personId,
      actor_login_id: 'coordinator',
    });

    const again = await coordinator.post(`/api/cases/${caseId}/close`, close());
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'case.illegalTransition' });
    expect((again.body as { detail: string }).detail).toBe('「終結」の事例では「終結」はできません。');
    const suspendClosed = await coordinator.post(`/api/cases/${caseId}/suspend`, {
      reason: '連絡が途絶えた',
    });
    expect(suspendClosed.status).toBe(409);
    expect(suspendClosed.body).toMatchObject({ code: 'case.illegalTransition' });

    const reopened = await coordinator.post<CaseDetail>(`/api/cases/${caseId}/reopen`, {
      reason: '長男が再びひきこもり状態になったと包括から連絡',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      stage: 'assessing',
      closedOn: null,
      closureReason: null,
      closureEvaluation: null,
    });
    expect(await api.server.latestAudit('case.reopen')).toMatchObject({ case_id: caseId });

    // assessing cannot be suspended (only after a 支援会議 or while supporting)
    const suspendAssessing = await coordinator.post(`/api/cases/${caseId}/suspend`, { reason: '入院' });
    expect(suspendAssessing.status).toBe(409);
    expect(suspendAssessing.body).toMatchObject({ code: 'case.illegalTransition' });
    const reopenOpen = await coordinator.post(`/api/cases/${caseId}/reopen`, { reason: '再開' });
    expect(reopenOpen.status).toBe(409);
    expect(reopenOpen.body).toMatchObject({ code: 'case.illegalTransition' });

    await api.server.database.db
      .updateTable('cases')
      .set({ stage: 'watching' })
      .where('id', '=', caseId)
      .execute();
    const suspended = await coordinator.post<CaseDetail>(`/api/cases/${caseId}/suspend`, {
      reason: '本人が長期入院',
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ stage: 'suspended', closedOn: null, abilities: { reopen: true } });
    expect(await api.server.latestAudit('case.suspend')).toMatchObject({ case_id: caseId });
    expect((await coordinator.post(`/api/cases/${caseId}/suspend`, { reason: '再度' })).status).toBe(409);
    expect((await coordinator.post(`/api/cases/${caseId}/close`, close())).status).toBe(409);
    expect((await coordinator.post(`/api/cases/${caseId}/reopen`, { reason: '退院' })).status).toBe(200);

    const timeline = await coordinator.get<CaseTimeline>(`/api/cases/${caseId}/timeline?limit=100`);
    const entries = timeline.body.items.filter((e) => ['closed', 'suspended', 'reopened'].includes(e.kind));
    expect(entries.map((e) => e.kind)).toEqual(['reopened', 'suspended', 'reopened', 'closed']);
    expect(entries.map((e) => e.summary)).toEqual([
      '再開：退院',
      '中断：本人が長期入院',
      '再開：長男が再びひきこもり状態になったと包括から連絡',
      '終結（状況安定）',
    ]);
    expect(entries[2]?.details).toMatchObject({ previousClosureReason: 'stabilised' });
  });

  it('refuses to close an accepted case (no assessment yet) with 409', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir);
    const response = await coordinator.post(`/api/cases/${caseId}/close`, close());
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'case.illegalTransition',
      detail: '「受理」の事例では「終結」はできません。',
    });
    expect((await coordinator.post(`/api/cases/${caseId}/suspend`, { reason: 'x' })).status).toBe(409);
  });

  it('hands over to a lead organisation (主担当) that takes part or has consent; refuses one without', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir, { stage: 'supporting' });
    const missing = await coordinator.post(
      `/api/cases/${caseId}/close`,
      close({ reason: 'leadAgencyContinues' }),
    );
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['leadOrganizationId']);

    const noConsent = await coordinator.post(
      `/api/cases/${caseId}/close`,
      close({ reason: 'leadAgencyContinues', leadOrganizationId: api.dir.organization('鹿児島保護観察所') }),
    );
    expect(noConsent.status).toBe(409);
    expect(noConsent.body).toMatchObject({ code: 'consent.required' });
    expect((noConsent.body as { detail: string }).detail).toContain('鹿児島保護観察所');
    expect((await hogokansatsu.get(`/api/cases/${caseId}`)).status).toBe(404);

    const consent = await coordinator.post('/api/consents', {
      personId,
      caseId,
      organizationIds: [api.dir.organization('障害者相談支援事業所')],
      categories: ['basic', 'plan'],
      givenOn: '2026-11-01',
      method: 'signedForm',
    });
    expect(consent.status).toBe(201);
    const closed = await coordinator.post<CaseDetail>(
      `/api/cases/${caseId}/close`,
      close({
        reason: 'leadAgencyContinues',
        leadOrganizationId: api.dir.organization('障害者相談支援事業所'),
      }),
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      stage: 'closed',
      closureReason: 'leadAgencyContinues',
      leadOrganization: { name: '障害者相談支援事業所' },
    });
    expect(closed.body.participants).toContainEqual(
      expect.objectContaining({
        organization: expect.objectContaining({ name: '障害者相談支援事業所' }),
        basis: 'lead',
        scope: 'case',
        legalBasis: 'consent',
      }),
    );
    // the lead organisation now finds the case
    const lead = await shogai.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(lead.status).toBe(200);
    expect(lead.body.myParticipation).toEqual(['lead']);
    expect((await listAll(shogai)).find((i) => i.id === caseId)?.leadOrganization?.name).toBe(
      '障害者相談支援事業所',
    );
  });

  it('lets the intake counter carry on as lead on its own ground (intake)', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'watching' });
    const closed = await coordinator.post<CaseDetail>(
      `/api/cases/${caseId}/close`,
      close({
        reason: 'leadAgencyContinues',
        leadOrganizationId: api.dir.organization('地域包括支援センター'),
      }),
    );
    expect(closed.status).toBe(200);
    expect(closed.body.participants).toContainEqual(
      expect.objectContaining({ basis: 'lead', legalBasis: 'intake' }),
    );
  });

  it('rejects bad input with 400 naming the field', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    const cases: [string, Record<string, unknown>, string][] = [
      ['close', close({ reason: 'bored' }), 'reason'],
      ['close', close({ evaluation: '' }), 'evaluation'],
      ['close', { reason: 'resolved' }, 'evaluation'],
      [
        'close',
        close({ leadOrganizationId: api.dir.organization('障害者相談支援事業所') }),
        'leadOrganizationId',
      ],
      [
        'close',
        close({ reason: 'leadAgencyContinues', leadOrganizationId: '00000000-0000-4000-8000-000000000000' }),
        'leadOrganizationId',
      ],
      [
        'close',
        close({ reason: 'leadAgencyContinues', leadOrganizationId: api.dir.organization('重層事業担当') }),
        'leadOrganizationId',
      ],
      ['suspend', { reason: '' }, 'reason'],
      ['suspend', {}, 'reason'],
      ['reopen', { reason: '\u0000' }, 'reason'],
    ];
    for (const [verb, body, field] of cases) {
      const response = await coordinator.post(`/api/cases/${caseId}/${verb}`, body);
      expect(response.status, `${verb} ${field}`).toBe(400);
      expect(fieldsOf(response.body), `${verb} ${field}`).toContain(field);
    }
    const kase = await api.server.database.db
      .selectFrom('cases')
      .select(['stage', 'closed_on'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({ stage: 'assessing', closed_on: null });
  });

  it('is 403 for a coordinator outside the coordinating section who can see the case, 404 for everyone else', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, {
      stage: 'watching',
      participants: [{ organization: '自立相談支援機関', basis: 'referral' }],
    });
    expect((await otherCoordinator.get(`/api/cases/${caseId}`)).status).toBe(200);
    const bodies = { close: close(), suspend: { reason: '入院' }, reopen: { reason: '再開' } };
    for (const [verb, body] of Object.entries(bodies)) {
      const forbidden = await otherCoordinator.post(`/api/cases/${caseId}/${verb}`, body);
      expect(forbidden.status, verb).toBe(403);
      expect(forbidden.body).toMatchObject({ code: 'auth.forbidden' });
      // caseworkers lack case.coordinate altogether: 404 even where they see the case
      for (const client of [houkatsu, hogokansatsu, council, plan]) {
        expect((await client.post(`/api/cases/${caseId}/${verb}`, body)).status, verb).toBe(404);
      }
      expect((await api.server.anonymous().post(`/api/cases/${caseId}/${verb}`, body)).status).toBe(401);
    }
    const unseen = await createCase(api.server.database.db, api.dir, { stage: 'watching' });
    expect((await otherCoordinator.post(`/api/cases/${unseen.caseId}/close`, close())).status).toBe(404);
    expect(
      (
        await api.server.database.db
          .selectFrom('cases')
          .select('stage')
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).stage,
    ).toBe('watching');
  });
});
