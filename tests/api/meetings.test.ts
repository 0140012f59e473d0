import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/contract/cases.ts';
import type { Meeting } from '../../src/contract/meetings.ts';
import { startTestClock } from '../support/clock.ts';
import { demoApi } from '../support/demoApi.ts';
import { caseEvent, createCase } from '../support/factories.ts';
import type { ApiClient } from '../support/testServer.ts';

startTestClock();
const api = demoApi('coordinator', 'houkatsu', 'shogai', 'hogo', 'hogokansatsu', 'council', 'plan');
const { coordinator, houkatsu, shogai, hogo, hogokansatsu, council, plan } = api;

const org = (name: string) => api.dir.organization(name);
const SHOGAI = '障害者相談支援事業所';
const HOGO = '保護第一課';

async function stageOf(caseId: string) {
  return (
    await api.server.database.db
      .selectFrom('cases')
      .select('stage')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
  ).stage;
}

const supportMeeting = (invited: string[], overrides: Record<string, unknown> = {}) => ({
  kindId: api.dir.meetingKind('supportMeeting'),
  title: '支援会議（見守り体制の検討）',
  scheduledAt: '2026-11-10T14:00:00+09:00',
  place: '市役所本館3階会議室',
  agenda: '世帯の状況共有と見守りの分担',
  invitedOrganizationIds: invited.map(org),
  ...overrides,
});

const multilayerMeeting = (invited: string[], overrides: Record<string, unknown> = {}) => ({
  ...supportMeeting(invited),
  kindId: api.dir.meetingKind('multilayerMeeting'),
  title: '重層的支援会議（支援プランの検討）',
  scheduledAt: '2026-11-20T10:00:00+09:00',
  agenda: '支援プラン案と役割分担',
  ...overrides,
});

const minutes = (attendance: { organization: string; attended?: boolean }[], overrides = {}) => ({
  heldAt: '2026-11-10T14:00:00+09:00',
  attendance: attendance.map((a) => ({
    organizationId: org(a.organization),
    attended: a.attended ?? true,
    attendeeName: '出席 太郎',
  })),
  minutes: '母（84歳）の介護と長男（52歳）のひきこもりについて情報を共有した。',
  decisions: '地域包括支援センターが月1回訪問し、障害者相談支援事業所が長男との面談を試みる。',
  ...overrides,
});

const consent = (personId: string, caseId: string, organizations: string[], overrides = {}) => ({
  personId,
  caseId,
  organizationIds: organizations.map(org),
  categories: ['basic', 'consultation', 'assessment', 'plan'],
  givenOn: '2026-11-15',
  method: 'signedForm',
  ...overrides,
});

async function listedCaseIds(client: ApiClient): Promise<string[]> {
  const response = await client.get<{ items: { id: string }[] }>('/api/cases?limit=100');
  expect(response.status).toBe(200);
  return response.body.items.map((i) => i.id);
}

describe('the 8050 flow at API level (③ 課題整理 → 支援会議 → 同意 → 重層的支援会議)', () => {
  it('takes a factory case through assessment, a 支援会議 without consent, consent, and a 重層的支援会議', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir);

    // 課題整理 with the 8050 household flag: accepted → assessing.
    const saved = await coordinator.request('PUT', `/api/cases/${caseId}/assessment`, {
      issues: ['elderlyCare', 'withdrawal'],
      householdFlags: ['8050'],
      summary: '80代の母と50代でひきこもりの長男の二人世帯。',
      wishes: '母：息子の将来が心配。',
      strengths: '近隣との関係は良好。',
    });
    expect(saved.status).toBe(200);
    expect(await stageOf(caseId)).toBe('assessing');

    // 支援会議 inviting 障害者相談支援事業所, no consent needed.
    const scheduled = await coordinator.post<Meeting>(
      `/api/cases/${caseId}/meetings`,
      supportMeeting([SHOGAI]),
    );
    expect(scheduled.status).toBe(201);
    expect(scheduled.body).toMatchObject({
      legalBasis: 'article106_6',
      kind: { code: 'supportMeeting', name: '支援会議' },
      status: 'scheduled',
      agenda: '世帯の状況共有と見守りの分担',
      withheld: null,
      invitations: [{ organization: { name: SHOGAI }, acknowledgedAt: null, attended: null }],
      abilities: { recordMinutes: true, acknowledge: false },
    });
    const meetingId = scheduled.body.id;
    const participant = await api.server.database.db
      .selectFrom('case_participants')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('organization_id', '=', org(SHOGAI))
      .execute();
    expect(participant).toMatchObject([
      { scope: 'meeting', basis: 'meeting', legal_basis: 'article106_6', meeting_id: meetingId },
    ]);

    // shogai sees the meeting header, but its papers only after acknowledging confidentiality.
    const before = await shogai.get<Meeting>(`/api/meetings/${meetingId}`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      requiresAcknowledgement: true,
      withheld: 'acknowledgementRequired',
      agenda: null,
      minutes: null,
      decisions: null,
      title: '支援会議（見守り体制の検討）',
      abilities: { acknowledge: true, recordMinutes: false },
    });
    expect(before.body.case.caseNumber).toMatch(/^R\d+-\d{4}$/);
    const acknowledged = await shogai.post<Meeting>(`/api/meetings/${meetingId}/acknowledgement`);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({
      requiresAcknowledgement: false,
      withheld: null,
      agenda: '世帯の状況共有と見守りの分担',
      myInvitation: { organization: { name: SHOGAI }, acknowledgedBy: { name: '障害 支援' } },
      abilities: { acknowledge: false },
    });
    expect(acknowledged.body.myInvitation?.acknowledgedAt).not.toBeNull();

    // ... but never the case itself.
    expect((await shogai.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await shogai.get(`/api/cases/${caseId}/timeline`)).status).toBe(404);
    expect(await listedCaseIds(shogai)).not.toContain(caseId);

    // Holding the 支援会議: assessing → watching.
    const held = await coordinator.post<Meeting>(
      `/api/meetings/${meetingId}/minutes`,
      minutes([{ organization: SHOGAI }]),
    );
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({
      status: 'held',
      invitations: [{ organization: { name: SHOGAI }, attended: true, attendeeName: '出席 太郎' }],
    });
    expect(held.body.heldAt).toBe('2026-11-10T05:00:00.000Z');
    expect(await stageOf(caseId)).toBe('watching');
    const afterHeld = await shogai.get<Meeting>(`/api/meetings/${meetingId}`);
    expect(afterHeld.body.minutes).toBe('母（84歳）の介護と長男（52歳）のひきこもりについて情報を共有した。');

    // Consent covering 障害者相談支援事業所 and 保護第一課; then a 重層的支援会議 inviting both.
    const recorded = await coordinator.post(`/api/consents`, consent(personId, caseId, [SHOGAI, HOGO]));
    expect(recorded.status).toBe(201);
    const multilayer = await coordinator.post<Meeting>(
      `/api/cases/${caseId}/meetings`,
      multilayerMeeting([SHOGAI, HOGO]),
    );
    expect(multilayer.status).toBe(201);
    expect(multilayer.body).toMatchObject({ legalBasis: 'consent', kind: { code: 'multilayerMeeting' } });
    const caseParticipants = await api.server.database.db
      .selectFrom('case_participants')
      .select(['organization_id', 'scope', 'basis', 'legal_basis', 'source_id'])
      .where('meeting_id', '=', multilayer.body.id)
      .execute();
    expect(caseParticipants).toHaveLength(2);
    for (const p of caseParticipants) {
      expect(p).toMatchObject({ scope: 'case', basis: 'meeting', legal_basis: 'consent' });
      expect(p.source_id).toBe((recorded.body as { id: string }).id);
    }

    // Now shogai and hogo see the case, in the list and by id.
    for (const client of [shogai, hogo]) {
      const page = await client.get<CaseDetail>(`/api/cases/${caseId}`);
      expect(page.status).toBe(200);
      expect(page.body.assessment?.householdFlags).toEqual(['8050']);
      expect(page.body.myParticipation).toEqual(['meeting']);
      expect(page.body.abilities).toMatchObject({ assess: false, close: false, scheduleMeeting: false });
      expect(await listedCaseIds(client)).toContain(caseId);
    }
    // hogo was not a member of the 支援会議: the case page lists it, its papers stay closed to hogo.
    const hogoView = await hogo.get<Meeting>(`/api/meetings/${meetingId}`);
    expect(hogoView.status).toBe(200);
    expect(hogoView.body).toMatchObject({
      withheld: 'notMember',
      minutes: null,
      requiresAcknowledgement: false,
    });

    // The 重層的支援会議's minutes.
    const multilayerHeld = await coordinator.post<Meeting>(
      `/api/meetings/${multilayer.body.id}/minutes`,
      minutes([{ organization: SHOGAI }, { organization: HOGO, attended: false }], {
        heldAt: '2026-11-20T10:00:00+09:00',
        minutes: '支援プラン案を協議した。',
        decisions: '保護第一課が家計の相談に応じる。',
      }),
    );
    expect(multilayerHeld.status).toBe(200);
    expect(multilayerHeld.body.status).toBe('held');
    expect(await stageOf(caseId)).toBe('watching');
    const hogoMeeting = await hogo.get<Meeting>(`/api/meetings/${multilayer.body.id}`);
    expect(hogoMeeting.body).toMatchObject({
      decisions: '保護第一課が家計の相談に応じる。',
      withheld: null,
      myInvitation: { attended: false },
    });

    const timeline = await coordinator.get<{ items: { kind: string }[] }>(
      `/api/cases/${caseId}/timeline?limit=50`,
    );
    expect(timeline.body.items.map((e) => e.kind)).toEqual(
      expect.arrayContaining([
        'assessmentSaved',
        'meetingScheduled',
        'confidentialityAcknowledged',
        'meetingHeld',
        'consentRecorded',
      ]),
    );

    // hogokansatsu, never invited, sees nothing anywhere.
    expect((await hogokansatsu.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await hogokansatsu.get(`/api/meetings/${meetingId}`)).status).toBe(404);
    expect((await hogokansatsu.get(`/api/meetings/${multilayer.body.id}`)).status).toBe(404);
    expect((await hogokansatsu.get(`/api/cases/${caseId}/timeline`)).status).toBe(404);
    expect(await listedCaseIds(hogokansatsu)).not.toContain(caseId);
  });
});

describe('POST /api/cases/:id/meetings (meetings.create)', () => {
  it('refuses a 重層的支援会議 without consent, naming the organisations not covered (409 consent.required)', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    // consent covers 障害者相談支援事業所 only
    expect((await coordinator.post('/api/consents', consent(personId, caseId, [SHOGAI]))).status).toBe(201);
    const response = await coordinator.post(
      `/api/cases/${caseId}/meetings`,
      multilayerMeeting([SHOGAI, HOGO]),
    );
    expect(response.status).toBe(409);
    const body = response.body as { code: string; detail: string; errors: { field: string }[] };
    expect(body.code).toBe('consent.required');
    expect(body.detail).toContain(HOGO);
    expect(body.detail).not.toContain(SHOGAI);
    expect(body.errors.map((e) => e.field)).toEqual(['invitedOrganizationIds.1']);
    // nothing written
    const meetings = await api.server.database.db
      .selectFrom('meetings')
      .select('id')
      .where('case_id', '=', caseId)
      .execute();
    expect(meetings).toHaveLength(0);
    expect((await hogo.get(`/api/cases/${caseId}`)).status).toBe(404);
  });

  it('does not count an expired consent, or one for the scheduled day before it was given', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    await coordinator.post(
      '/api/consents',
      consent(personId, caseId, [HOGO], { givenOn: '2026-10-01', expiresOn: '2026-10-31' }),
    );
    const expired = await coordinator.post(`/api/cases/${caseId}/meetings`, multilayerMeeting([HOGO]));
    expect(expired.status).toBe(409);
    await coordinator.post('/api/consents', consent(personId, caseId, [HOGO], { givenOn: '2026-11-15' }));
    const early = await coordinator.post(
      `/api/cases/${caseId}/meetings`,
      multilayerMeeting([HOGO], { scheduledAt: '2026-11-10T10:00:00+09:00' }),
    );
    expect(early.status).toBe(409);
    const ok = await coordinator.post(`/api/cases/${caseId}/meetings`, multilayerMeeting([HOGO]));
    expect(ok.status).toBe(201);
  });

  it('records the meeting on the timeline and in the audit trail with its legal basis', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    const response = await coordinator.post<Meeting>(
      `/api/cases/${caseId}/meetings`,
      supportMeeting([SHOGAI, HOGO]),
    );
    expect(response.status).toBe(201);
    const audit = await api.server.latestAudit('meeting.create');
    expect(audit).toMatchObject({
      resource_id: response.body.id,
      case_id: caseId,
      person_id: personId,
      legal_basis: 'article106_6',
      actor_login_id: 'coordinator',
    });
    const event = await caseEvent(api.server.database.db, caseId, 'meetingScheduled');
    expect(event.subject_id).toBe(response.body.id);
    expect(event.summary).toContain('支援会議「支援会議（見守り体制の検討）」を令和8年11月10日に設定');
    expect(event.summary).toContain(`${SHOGAI}、${HOGO}`);
    const stored = await api.server.database.db
      .selectFrom('meetings')
      .select('legal_basis')
      .where('id', '=', response.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.legal_basis).toBe('article106_6');
  });

  it('rejects bad input with 400 naming the field', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir);
    const cases: [Record<string, unknown>, string][] = [
      [supportMeeting([SHOGAI], { kindId: '00000000-0000-4000-8000-000000000000' }), 'kindId'],
      [
        supportMeeting([SHOGAI], {
          invitedOrganizationIds: [org(SHOGAI), '00000000-0000-4000-8000-000000000000'],
        }),
        'invitedOrganizationIds.1',
      ],
      [supportMeeting(['重層事業担当']), 'invitedOrganizationIds.0'],
      [supportMeeting([SHOGAI], { scheduledAt: '2026-11-10 14:00' }), 'scheduledAt'],
      [supportMeeting([SHOGAI], { title: '' }), 'title'],
      [supportMeeting([], {}), 'invitedOrganizationIds'],
      [supportMeeting([SHOGAI, SHOGAI]), 'invitedOrganizationIds'],
    ];
    for (const [body, field] of cases) {
      const response = await coordinator.post(`/api/cases/${caseId}/meetings`, body);
      expect(response.status, field).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      expect((response.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
    }
    expect((await coordinator.post(`/api/cases/not-a-uuid/meetings`, supportMeeting([SHOGAI]))).status).toBe(
      400,
    );
  });

  it('refuses a meeting on a closed or suspended case (409)', async () => {
    for (const stage of ['closed', 'suspended'] as const) {
      const { caseId } = await createCase(api.server.database.db, api.dir, { stage });
      const response = await coordinator.post(`/api/cases/${caseId}/meetings`, supportMeeting([SHOGAI]));
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'conflict.state' });
    }
  });

  it('is 401 unauthenticated, 404 for caseworkers (no case.coordinate), the uninvolved, council and plan', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir);
    const path = `/api/cases/${caseId}/meetings`;
    expect((await api.server.anonymous().post(path, supportMeeting([SHOGAI]))).status).toBe(401);
    for (const client of [houkatsu, hogokansatsu, council, plan]) {
      expect((await client.post(path, supportMeeting([SHOGAI]))).status).toBe(404);
    }
    expect(
      (
        await coordinator.post(
          '/api/cases/00000000-0000-4000-8000-000000000000/meetings',
          supportMeeting([SHOGAI]),
        )
      ).status,
    ).toBe(404);
  });
});

describe('GET /api/meetings/:id (meetings.get)', () => {
  it('shows the meeting to the coordinator and case participants, withholding 支援会議 papers from non-members', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    const created = (
      await coordinator.post<Meeting>(`/api/cases/${caseId}/meetings`, supportMeeting([SHOGAI]))
    ).body;
    const own = await coordinator.get<Meeting>(`/api/meetings/${created.id}`);
    expect(own.body).toMatchObject({
      id: created.id,
      case: { id: caseId },
      agenda: '世帯の状況共有と見守りの分担',
      createdBy: { name: '重層 調整' },
      abilities: { recordMinutes: true, acknowledge: false },
    });
    const audit = await api.server.latestAudit('meeting.read');
    expect(audit).toMatchObject({
      resource_id: created.id,
      case_id: caseId,
      person_id: personId,
      legal_basis: 'article106_6',
      actor_login_id: 'coordinator',
    });
    // the intake counter sees the case, so the meeting; but it is no member of the 支援会議
    const intake = await houkatsu.get<Meeting>(`/api/meetings/${created.id}`);
    expect(intake.status).toBe(200);
    expect(intake.body).toMatchObject({
      withheld: 'notMember',
      agenda: null,
      abilities: { acknowledge: false },
    });
  });

  it('is 404 for the uninvolved, council and plan; 401 unauthenticated; 400 for a malformed id', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir);
    const created = (
      await coordinator.post<Meeting>(`/api/cases/${caseId}/meetings`, supportMeeting([SHOGAI]))
    ).body;
    for (const client of [hogokansatsu, hogo, council, plan]) {
      expect((await client.get(`/api/meetings/${created.id}`)).status).toBe(404);
    }
    expect((await api.server.anonymous().get(`/api/meetings/${created.id}`)).status).toBe(401);
    const bad = await coordinator.get('/api/meetings/nope');
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors[0]?.field).toBe('パス.id');
  });
});

describe('POST /api/meetings/:id/acknowledgement (meetings.acknowledgeConfidentiality)', () => {
  it('records the acknowledgement once, audited; refuses a second one with 409', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir);
    const created = (await coordinator.post<Meeting>(`/api/cases/${caseId}/meetings`, supportMeeting([HOGO])))
      .body;
    const first = await hogo.post<Meeting>(`/api/meetings/${created.id}/acknowledgement`);
    expect(first.status).toBe(200);
    expect(first.body.myInvitation?.acknowledgedBy?.name).toBe('保護 担当');
    const audit = await api.server.latestAudit('meeting.acknowledgeConfidentiality');
    expect(audit).toMatchObject({ resource_id: created.id, case_id: caseId, actor_login_id: 'hogo' });
    const invitation = await api.server.database.db
      .selectFrom('meeting_invitations')
      .selectAll()
      .where('meeting_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(invitation.acknowledged_by).toBe(api.dir.user('hogo').id);
    const second = await hogo.post(`/api/meetings/${created.id}/acknowledgement`);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'meeting.alreadyAcknowledged' });
  });

  it('is 404 for anyone not invited (even the coordinator and the intake counter), council and plan; 401; 400', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir);
    const created = (await coordinator.post<Meeting>(`/api/cases/${caseId}/meetings`, supportMeeting([HOGO])))
      .body;
    for (const client of [coordinator, houkatsu, shogai, hogokansatsu, council, plan]) {
      expect((await client.post(`/api/meetings/${created.id}/acknowledgement`)).status).toBe(404);
    }
    expect((await api.server.anonymous().post(`/api/meetings/${created.id}/acknowledgement`)).status).toBe(
      401,
    );
    expect((await hogo.post('/api/meetings/xyz/acknowledgement')).status).toBe(400);
  });
});

describe('POST /api/meetings/:id/minutes (meetings.recordMinutes)', () => {
  it('refuses a 支援会議 whose attending organisations have not acknowledged confidentiality, naming them', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    const created = (
      await coordinator.post<Meeting>(`/api/cases/${caseId}/meetings`, supportMeeting([SHOGAI, HOGO]))
    ).body;
    await shogai.post(`/api/meetings/${created.id}/acknowledgement`);
    const refused = await coordinator.post(
      `/api/meetings/${created.id}/minutes`,
      minutes([{ organization: SHOGAI }, { organization: HOGO }]),
    );
    expect(refused.status).toBe(409);
    const body = refused.body as { code: string; detail: string; errors: { field: string }[] };
    expect(body.code).toBe('meeting.acknowledgementRequired');
    expect(body.detail).toContain(HOGO);
    expect(body.detail).not.toContain(SHOGAI);
    expect(body.errors.map((e) => e.field)).toEqual(['attendance.1.organizationId']);
    expect(await stageOf(caseId)).toBe('assessing');
    // hogo absent: fine.
    const ok = await coordinator.post<Meeting>(
      `/api/meetings/${created.id}/minutes`,
      minutes([{ organization: SHOGAI }, { organization: HOGO, attended: false }]),
    );
    expect(ok.status).toBe(200);
    expect(await stageOf(caseId)).toBe('watching');
    const audit = await api.server.latestAudit('meeting.recordMinutes');
    expect(audit).toMatchObject({ resource_id: created.id, case_id: caseId, legal_basis: 'article106_6' });
    const held = await api.server.database.db
      .selectFrom('case_events')
      .select(['summary', 'subject_id'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'meetingHeld')
      .executeTakeFirstOrThrow();
    expect(held).toEqual({
      summary: `支援会議「支援会議（見守り体制の検討）」を令和8年11月10日に開催（出席：${SHOGAI}）`,
      subject_id: created.id,
    });
    const again = await coordinator.post(
      `/api/meetings/${created.id}/minutes`,
      minutes([{ organization: SHOGAI }]),
    );
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'conflict.state' });
  });

  it('refuses holding a 支援会議 on a closed case with the state machine’s 409', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    const created = (
      await coordinator.post<Meeting>(`/api/cases/${caseId}/meetings`, supportMeeting([SHOGAI]))
    ).body;
    await api.server.database.db
      .updateTable('cases')
      .set({ stage: 'closed' })
      .where('id', '=', caseId)
      .execute();
    await shogai.post(`/api/meetings/${created.id}/acknowledgement`);
    const refused = await coordinator.post(
      `/api/meetings/${created.id}/minutes`,
      minutes([{ organization: SHOGAI }]),
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'case.illegalTransition' });
    const meeting = await coordinator.get<Meeting>(`/api/meetings/${created.id}`);
    expect(meeting.body).toMatchObject({ status: 'scheduled', abilities: { recordMinutes: false } });
  });

  it('rejects bad input with 400 naming the field', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir);
    const created = (
      await coordinator.post<Meeting>(`/api/cases/${caseId}/meetings`, supportMeeting([SHOGAI]))
    ).body;
    const path = `/api/meetings/${created.id}/minutes`;
    const cases: [Record<string, unknown>, string][] = [
      [minutes([{ organization: HOGO }]), 'attendance.0.organizationId'],
      [minutes([{ organization: SHOGAI }], { heldAt: '2999-01-01T10:00:00+09:00' }), 'heldAt'],
      [minutes([{ organization: SHOGAI }], { heldAt: 'yesterday' }), 'heldAt'],
      [minutes([{ organization: SHOGAI }], { minutes: '' }), 'minutes'],
      [
        {
          ...minutes([]),
          attendance: [{ organizationId: org(SHOGAI), attended: true }],
        },
        'attendance.0.attendeeName',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await coordinator.post(path, body);
      expect(response.status, field).toBe(400);
      expect((response.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
    }
  });

  it('is 401 unauthenticated; 404 for caseworkers (even invitees), the uninvolved, council and plan', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir);
    const created = (
      await coordinator.post<Meeting>(`/api/cases/${caseId}/meetings`, supportMeeting([SHOGAI]))
    ).body;
    const path = `/api/meetings/${created.id}/minutes`;
    const body = minutes([{ organization: SHOGAI }]);
    expect((await api.server.anonymous().post(path, body)).status).toBe(401);
    for (const client of [shogai, houkatsu, hogokansatsu, council, plan]) {
      expect((await client.post(path, body)).status).toBe(404);
    }
  });
});
