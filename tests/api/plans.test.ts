import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan, PlanComparison } from '../../src/contract/plans.ts';
import { now } from '../../src/domain/clock.ts';
import { startTestClock } from '../support/clock.ts';
import { demoApi } from '../support/demoApi.ts';
import {
  addAssessment,
  addConsent,
  addDecisionMeeting,
  addOtherCity,
  caseRow,
  createCase,
} from '../support/factories.ts';
import { ApiClient } from '../support/testServer.ts';

startTestClock();
const api = demoApi('coordinator', 'houkatsu', 'shogai', 'hogo', 'hogokansatsu', 'council', 'plan');
const { coordinator, houkatsu, shogai, hogo, hogokansatsu, council, plan: planOfficer } = api;

/** A coordinator of the intake counter: sees the case, but does not coordinate it. */
let counterCoordinator: ApiClient;
/** A coordinator of an organisation with no part in the case. */
let strangerCoordinator: ApiClient;
let SHOGAI: string;
let HOGO: string;
let HOUKATSU: string;

const NO_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  SHOGAI = api.dir.organization('障害者相談支援事業所');
  HOGO = api.dir.organization('保護第一課');
  HOUKATSU = api.dir.organization('地域包括支援センター');
  const admin = await api.server.as('admin');
  for (const [loginId, organization] of [
    ['counter-coordinator', '地域包括支援センター'],
    ['stranger-coordinator', 'こども家庭センター'],
  ] as const) {
    const created = await admin.post('/api/users', {
      loginId,
      displayName: '試験 調整',
      organizationId: api.dir.organization(organization),
      roles: ['coordinator'],
      password: 'correct horse battery',
    });
    expect(created.status).toBe(201);
  }
  counterCoordinator = new ApiClient(api.server.url);
  await counterCoordinator.signIn('counter-coordinator', 'correct horse battery');
  strangerCoordinator = new ApiClient(api.server.url);
  await strangerCoordinator.signIn('stranger-coordinator', 'correct horse battery');
});

// --- preconditions built straight in the database (assessments, consents and meetings belong to
// --- another engineer's API; these helpers stand in for it) --------------------------------------

interface Ready {
  caseId: string;
  personId: string;
  meetingId: string;
}

/**
 * A case ready for plan approval unless told otherwise: an assessment, the person's consent
 * covering `consentOrgs`, and a held 重層的支援会議.
 */
async function readyCase(
  options: {
    assessment?: boolean;
    consentOrgs?: string[] | null;
    meeting?: { kind: 'supportMeeting' | 'multilayerMeeting'; held: boolean };
  } = {},
): Promise<Ready> {
  const db = api.server.database.db;
  const { caseId, personId } = await createCase(db, api.dir, {
    stage: options.assessment === false ? 'accepted' : 'assessing',
  });
  if (options.assessment !== false) {
    await addAssessment(db, api.dir, caseId, {
      issues: ['dementia', 'withdrawal'],
      householdFlags: ['8050'],
      summary: '（試験）8050世帯',
    });
  }
  const consentOrgs = options.consentOrgs === undefined ? [SHOGAI, HOGO] : options.consentOrgs;
  if (consentOrgs) {
    await addConsent(db, api.dir, {
      personId: personId,
      caseId: caseId,
      organizationIds: consentOrgs,
      categories: ['basic', 'health'],
    });
  }
  const meeting = options.meeting ?? { kind: 'multilayerMeeting', held: true };
  const meetingId = await addMeeting(caseId, meeting.kind, meeting.held);
  return { caseId, personId, meetingId };
}

const addMeeting = (caseId: string, kind: 'supportMeeting' | 'multilayerMeeting', held: boolean) =>
  addDecisionMeeting(api.server.database.db, api.dir, caseId, { kind, held });

function planBody(overrides: Record<string, unknown> = {}) {
  return {
    wishes: '（試験）母の介護を続けながら、息子が外に出られるようになってほしい',
    longTermGoal: '世帯が地域で安定して暮らせる',
    shortTermGoals: '息子が週1回外出する／母の介護サービス利用を安定させる',
    nextMonitoringOn: '2027-01-15',
    items: [
      {
        content: '息子への訪問支援（アウトリーチ）',
        organizationId: SHOGAI,
        frequency: '週1回',
        periodFrom: '2026-11-01',
        periodTo: '2027-03-31',
        links: ['outreach'],
      },
      {
        content: '生活保護の相談と家計の見直し',
        organizationId: HOGO,
        frequency: '月1回',
        periodFrom: '2026-11-01',
        periodTo: '2027-03-31',
        links: [],
      },
    ],
    ...overrides,
  };
}

async function timeline(caseId: string) {
  return api.server.database.db
    .selectFrom('case_events')
    .select(['kind', 'summary', 'subject_id'])
    .where('case_id', '=', caseId)
    .orderBy('occurred_at')
    .execute();
}

async function draft(caseId: string, body = planBody()): Promise<Plan> {
  const response = await coordinator.post<Plan>(`/api/cases/${caseId}/plans`, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

// -------------------------------------------------------------------------------------------------

describe('POST /api/cases/:id/plans (plans.create)', () => {
  it('drafts version 1 with its items, on the timeline and in the audit trail', async () => {
    const { caseId, personId } = await readyCase();
    const response = await coordinator.post<Plan>(`/api/cases/${caseId}/plans`, planBody());
    expect(response.status).toBe(201);
    const plan = response.body;
    expect(plan).toMatchObject({
      caseId,
      version: 1,
      status: 'draft',
      caseStage: 'assessing',
      nextMonitoringOn: '2027-01-15',
      decidedMeeting: null,
      approvedBy: null,
      createdBy: { id: api.dir.user('coordinator').id, displayName: '重層 調整' },
      abilities: { update: true, approve: true },
    });
    expect(plan.items.map((i) => [i.position, i.organizationName, i.frequency, i.links])).toEqual([
      [1, '障害者相談支援事業所', '週1回', ['outreach']],
      [2, '保護第一課', '月1回', []],
    ]);
    expect(await timeline(caseId)).toContainEqual({
      kind: 'planDrafted',
      summary: '支援プラン第1版の案を作成',
      subject_id: plan.id,
    });
    const audit = await api.server.latestAudit('plan.create');
    expect(audit).toMatchObject({ resource_id: plan.id, case_id: caseId, person_id: personId });
  });

  it('allows only one draft at a time (409 plan.draftExists); PUT edits it instead', async () => {
    const { caseId } = await readyCase();
    await draft(caseId);
    const again = await coordinator.post(`/api/cases/${caseId}/plans`, planBody());
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'plan.draftExists' });
  });

  it('is refused on closed and suspended cases (409 case.notOpen)', async () => {
    for (const stage of ['closed', 'suspended'] as const) {
      const { caseId } = await createCase(api.server.database.db, api.dir, { stage });
      const response = await coordinator.post(`/api/cases/${caseId}/plans`, planBody());
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'case.notOpen' });
    }
  });

  it('rejects bad input with 400 naming each field, and writes nothing', async () => {
    const { caseId } = await readyCase();
    const response = await coordinator.post(`/api/cases/${caseId}/plans`, {
      wishes: '',
      longTermGoal: '目標',
      shortTermGoals: '目標',
      nextMonitoringOn: '2027/01/15',
      items: [
        {
          content: '訪問',
          organizationId: 'not-an-id',
          frequency: '週1回',
          periodFrom: '2027-03-31',
          periodTo: '2026-11-01',
          links: ['community'],
        },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    const fields = (response.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining([
        'wishes',
        'nextMonitoringOn',
        'items.0.organizationId',
        'items.0.links.0',
        'items.0.periodTo',
      ]),
    );
    const none = await coordinator.post(`/api/cases/${caseId}/plans`, planBody({ items: [] }));
    expect(none.status).toBe(400);
    expect((none.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['items']);
    expect(
      await api.server.database.db
        .selectFrom('support_plans')
        .select('id')
        .where('case_id', '=', caseId)
        .execute(),
    ).toEqual([]);
  });

  it('rejects an unknown or disabled responsible organisation with 400 naming the item', async () => {
    const { caseId } = await readyCase();
    const body = planBody();
    body.items[1] = { ...body.items[1], organizationId: NO_ID } as (typeof body.items)[number];
    const response = await coordinator.post(`/api/cases/${caseId}/plans`, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'validation.invalid',
      errors: [{ field: 'items.1.organizationId', code: 'inactiveOrganization' }],
    });
  });

  it('lets an item name a programme of the plan, shown by name, kept on edit and compared', async () => {
    const { caseId } = await readyCase();
    const programme = await api.server.database.db
      .selectFrom('programmes')
      .select(['id', 'name'])
      .where('tenant_id', '=', api.dir.tenantId)
      .where('name', '=', '生活困窮者自立支援事業')
      .executeTakeFirstOrThrow();
    const body = planBody();
    body.items[1] = { ...body.items[1], programmeId: programme.id } as (typeof body.items)[number];
    const plan = await draft(caseId, body);
    expect(plan.items.map((i) => i.programme)).toEqual([
      null,
      { id: programme.id, name: '生活困窮者自立支援事業' },
    ]);
    const stored = await api.server.database.db
      .selectFrom('plan_items')
      .select(['position', 'programme_id'])
      .where('plan_id', '=', plan.id)
      .orderBy('position')
      .execute();
    expect(stored.map((r) => r.programme_id)).toEqual([null, programme.id]);
    const read = await coordinator.get<Plan>(`/api/plans/${plan.id}`);
    expect(read.body.items[1]?.programme?.name).toBe('生活困窮者自立支援事業');
    // removing the programme on edit is a change of the item
    const edited = await coordinator.request<Plan>('PUT', `/api/plans/${plan.id}`, planBody());
    expect(edited.status).toBe(200);
    expect(edited.body.items.map((i) => i.programme)).toEqual([null, null]);
  });

  it('names a resource of the directory on an item (tenant-wide directory data), shown on the plan; an unknown one is 400 naming the item field', async () => {
    const { caseId } = await readyCase();
    const resource = await api.server.database.db
      .selectFrom('resources')
      .select(['id', 'name'])
      .where('tenant_id', '=', api.dir.tenantId)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const unknown = planBody();
    unknown.items[0] = { ...unknown.items[0], resourceId: NO_ID } as (typeof unknown.items)[number];
    const refused = await coordinator.post(`/api/cases/${caseId}/plans`, unknown);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [{ field: 'items.0.resourceId', code: 'unknownResource' }],
    });
    const body = planBody();
    body.items[0] = { ...body.items[0], resourceId: resource.id } as (typeof body.items)[number];
    const plan = await draft(caseId, body);
    expect(plan.items.map((i) => i.resource)).toEqual([{ id: resource.id, name: resource.name }, null]);
    const read = await coordinator.get<Plan>(`/api/plans/${plan.id}`);
    expect(read.body.items[0]?.resource?.name).toBe(resource.name);
  });

  it('rejects a programme that is unknown, another city’s or malformed with 400 naming the item field, writing nothing', async () => {
    const { caseId } = await readyCase();
    const db = api.server.database.db;
    // another tenant with a programme of its own
    const { tenantId, organizationId: orgId } = await addOtherCity(db, {
      name: '他市 地域福祉課',
      coordinating: false,
    });
    const planId = randomUUID();
    const foreignProgramme = randomUUID();
    await db
      .insertInto('recidivism_plans')
      .values({
        id: planId,
        tenant_id: tenantId,
        name: '他市再犯防止推進計画',
        period_from_fiscal_year: 2022,
        period_to_fiscal_year: 2026,
        parent_plan: null,
        legal_basis: '法第8条',
        target_population: '犯罪をした者等',
      })
      .execute();
    await db
      .insertInto('programmes')
      .values({
        id: foreignProgramme,
        tenant_id: tenantId,
        plan_id: planId,
        name: '他市の取組',
        summary: '',
        responsible_section_id: orgId,
        related_organization_ids: [],
        indicators: '[]',
        external_key: null,
      })
      .execute();
    for (const programmeId of [NO_ID, foreignProgramme]) {
      const body = planBody();
      body.items[0] = { ...body.items[0], programmeId } as (typeof body.items)[number];
      const response = await coordinator.post(`/api/cases/${caseId}/plans`, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        code: 'validation.invalid',
        errors: [
          {
            field: 'items.0.programmeId',
            code: 'unknownProgramme',
            message: '取組は再犯防止推進計画の取組一覧から選んでください',
          },
        ],
      });
    }
    const body = planBody();
    body.items[0] = { ...body.items[0], programmeId: 'not-a-uuid' } as (typeof body.items)[number];
    const malformed = await coordinator.post(`/api/cases/${caseId}/plans`, body);
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('items.0.programmeId');
    expect(await db.selectFrom('support_plans').select('id').where('case_id', '=', caseId).execute()).toEqual(
      [],
    );
  });

  it('is 401 unauthenticated; 404 for roles without case.coordinate, for strangers and unknown cases; 403 for a coordinator who sees but does not coordinate the case', async () => {
    const { caseId } = await readyCase();
    expect((await api.server.anonymous().post(`/api/cases/${caseId}/plans`, planBody())).status).toBe(401);
    for (const client of [council, planOfficer, shogai, houkatsu, hogokansatsu, strangerCoordinator]) {
      const response = await client.post(`/api/cases/${caseId}/plans`, planBody());
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'notFound' });
    }
    expect((await coordinator.post(`/api/cases/${NO_ID}/plans`, planBody())).status).toBe(404);
    expect((await coordinator.post('/api/cases/not-a-uuid/plans', planBody())).status).toBe(400);
    const counter = await counterCoordinator.post(`/api/cases/${caseId}/plans`, planBody());
    expect(counter.status).toBe(403);
    expect(counter.body).toMatchObject({ code: 'auth.forbidden' });
  });
});

describe('PUT /api/plans/:id (plans.update)', () => {
  it('replaces a draft’s fields and items, audited', async () => {
    const { caseId } = await readyCase();
    const plan = await draft(caseId);
    const body = planBody({ longTermGoal: '息子が就労に向けて動き出す', nextMonitoringOn: '2027-02-01' });
    body.items = [body.items[0] as (typeof body.items)[number]];
    const response = await coordinator.request<Plan>('PUT', `/api/plans/${plan.id}`, body);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: plan.id,
      version: 1,
      status: 'draft',
      longTermGoal: '息子が就労に向けて動き出す',
      nextMonitoringOn: '2027-02-01',
    });
    expect(response.body.items.map((i) => i.organizationName)).toEqual(['障害者相談支援事業所']);
    expect((await api.server.latestAudit('plan.update'))?.resource_id).toBe(plan.id);
  });

  it('refuses to edit a decided plan (409 plan.notDraft), bad input (400), strangers (404), 401', async () => {
    const { caseId, meetingId } = await readyCase();
    const plan = await draft(caseId);
    expect((await coordinator.post(`/api/plans/${plan.id}/approve`, { meetingId })).status).toBe(200);
    const edit = await coordinator.request('PUT', `/api/plans/${plan.id}`, planBody());
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ code: 'plan.notDraft' });
    const bad = await coordinator.request<{ errors: { field: string }[] }>('PUT', `/api/plans/${plan.id}`, {
      ...planBody(),
      nextMonitoringOn: '来年',
      items: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['items', 'nextMonitoringOn']);
    expect((await api.server.anonymous().request('PUT', `/api/plans/${plan.id}`, planBody())).status).toBe(
      401,
    );
    for (const client of [council, planOfficer, shogai, strangerCoordinator]) {
      expect((await client.request('PUT', `/api/plans/${plan.id}`, planBody())).status).toBe(404);
    }
  });
});

describe('POST /api/plans/:id/approve (plans.approve)', () => {
  it('approving v1 moves the case to supporting and shares it with the item organisations', async () => {
    const { caseId, personId, meetingId } = await readyCase();
    const plan = await draft(caseId);
    // before: the item organisations cannot see the case or its plan
    expect((await shogai.get(`/api/plans/${plan.id}`)).status).toBe(404);
    expect((await hogo.get(`/api/cases/${caseId}/plans`)).status).toBe(404);

    const response = await coordinator.post<Plan>(`/api/plans/${plan.id}/approve`, { meetingId });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'approved',
      caseStage: 'supporting',
      decidedMeeting: {
        id: meetingId,
        title: '第1回重層的支援会議',
        kindName: '重層的支援会議',
        legalBasis: 'consent',
      },
      approvedBy: { id: api.dir.user('coordinator').id, displayName: '重層 調整' },
      abilities: { update: false, approve: false },
    });
    expect(response.body.approvedAt).not.toBeNull();
    const kase = await caseRow(api.server.database.db, caseId);
    expect(kase.stage).toBe('supporting');
    expect(kase.next_monitoring_on).toBe('2027-01-15');

    const participants = await api.server.database.db
      .selectFrom('case_participants')
      .select(['organization_id', 'basis', 'scope', 'legal_basis', 'source_id'])
      .where('case_id', '=', caseId)
      .where('basis', '=', 'planItem')
      .orderBy('organization_id')
      .execute();
    // the legal basis of each sharing is the consent that covers it (source_id = the consent's id)
    const consent = await api.server.database.db
      .selectFrom('consents')
      .select('id')
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(participants).toEqual(
      [
        { organization_id: SHOGAI, source_id: consent.id },
        { organization_id: HOGO, source_id: consent.id },
      ]
        .map((p) => ({ ...p, basis: 'planItem', scope: 'case', legal_basis: 'consent' }))
        .sort((a, b) => (a.organization_id < b.organization_id ? -1 : 1)),
    );

    const events = await timeline(caseId);
    expect(events).toContainEqual({
      kind: 'planApproved',
      summary: '支援プラン第1版を決定（第1回重層的支援会議）',
      subject_id: plan.id,
    });
    expect(events.map((e) => e.summary)).toContain('段階：課題整理中 → 支援中');
    const audit = await api.server.latestAudit('plan.approve');
    expect(audit).toMatchObject({
      resource_id: plan.id,
      case_id: caseId,
      person_id: personId,
      legal_basis: 'consent',
    });
    expect([...((audit?.details ?? {}) as unknown as { sharedWith: string[] }).sharedWith].sort()).toEqual(
      [SHOGAI, HOGO].sort(),
    );

    // after: shogai and hogo see the case's plans; hogokansatsu still does not
    for (const client of [shogai, hogo, houkatsu]) {
      const got = await client.get<Plan>(`/api/plans/${plan.id}`);
      expect(got.status).toBe(200);
      expect(got.body.abilities).toEqual({ update: false, approve: false });
      expect((await client.get(`/api/cases/${caseId}/plans`)).status).toBe(200);
    }
    expect((await hogokansatsu.get(`/api/plans/${plan.id}`)).status).toBe(404);
    expect((await hogokansatsu.get(`/api/cases/${caseId}/plans`)).status).toBe(404);
    // and the case itself (cases.get, another engineer's route reading the same participants)
    for (const client of [shogai, hogo]) expect((await client.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await hogokansatsu.get(`/api/cases/${caseId}`)).status).toBe(404);
  });

  it('is refused without an assessment (409 case.assessmentRequired)', async () => {
    const { caseId, meetingId } = await readyCase({ assessment: false });
    const plan = await draft(caseId);
    const response = await coordinator.post(`/api/plans/${plan.id}/approve`, { meetingId });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'case.assessmentRequired' });
    expect((await caseRow(api.server.database.db, caseId)).stage).toBe('accepted');
  });

  it('is refused when no consent covers an item’s organisation (409 consent.required naming it)', async () => {
    const { caseId, meetingId } = await readyCase({ consentOrgs: [SHOGAI] });
    const plan = await draft(caseId);
    const response = await coordinator.post<{ code: string; detail: string }>(
      `/api/plans/${plan.id}/approve`,
      { meetingId },
    );
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('consent.required');
    expect(response.body.detail).toContain('保護第一課');
    expect(response.body.detail).not.toContain('障害者相談支援事業所');
    const none = await readyCase({ consentOrgs: null });
    const plan2 = await draft(none.caseId);
    const refused = await coordinator.post<{ code: string; detail: string }>(
      `/api/plans/${plan2.id}/approve`,
      { meetingId: none.meetingId },
    );
    expect(refused.body.code).toBe('consent.required');
    expect(refused.body.detail).toMatch(/障害者相談支援事業所.*保護第一課|保護第一課.*障害者相談支援事業所/);
    // nothing was shared
    expect(
      await api.server.database.db
        .selectFrom('case_participants')
        .select('id')
        .where('case_id', 'in', [caseId, none.caseId])
        .where('basis', '=', 'planItem')
        .execute(),
    ).toEqual([]);
  });

  it('does not count a withdrawn or expired consent', async () => {
    const { caseId, personId, meetingId } = await readyCase();
    await api.server.database.db
      .updateTable('consents')
      .set({ withdrawn_at: now(), withdrawal_reason: '（試験）本人の申出' })
      .where('person_id', '=', personId)
      .execute();
    const plan = await draft(caseId);
    const response = await coordinator.post(`/api/plans/${plan.id}/approve`, { meetingId });
    expect(response.body).toMatchObject({ code: 'consent.required' });
    const expired = await readyCase();
    await api.server.database.db
      .updateTable('consents')
      .set({ expires_on: '2026-10-31' })
      .where('person_id', '=', expired.personId)
      .execute();
    const plan2 = await draft(expired.caseId);
    expect(
      (await coordinator.post(`/api/plans/${plan2.id}/approve`, { meetingId: expired.meetingId })).body,
    ).toMatchObject({ code: 'consent.required' });
  });

  it('is refused when decided by a 支援会議 instead of a 重層的支援会議 (409 case.meetingDecisionRequired)', async () => {
    const { caseId, meetingId } = await readyCase({ meeting: { kind: 'supportMeeting', held: true } });
    const plan = await draft(caseId);
    const response = await coordinator.post(`/api/plans/${plan.id}/approve`, { meetingId });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'case.meetingDecisionRequired' });
  });

  it('is refused with a 重層的支援会議 not yet held (409 meeting.notHeld)', async () => {
    const { caseId, meetingId } = await readyCase({ meeting: { kind: 'multilayerMeeting', held: false } });
    const plan = await draft(caseId);
    const response = await coordinator.post<{ code: string; detail: string }>(
      `/api/plans/${plan.id}/approve`,
      { meetingId },
    );
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('meeting.notHeld');
    expect(response.body.detail).toContain('第1回重層的支援会議');
  });

  it('rejects a meeting of another case (400 meetingId), a repeat (409 plan.notDraft) and a draft while supporting (409 case.illegalTransition)', async () => {
    const first = await readyCase();
    const other = await readyCase();
    const plan = await draft(first.caseId);
    const foreign = await coordinator.post(`/api/plans/${plan.id}/approve`, { meetingId: other.meetingId });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ errors: [{ field: 'meetingId' }] });
    expect((await coordinator.post(`/api/plans/${plan.id}/approve`, {})).status).toBe(400);
    expect(
      (await coordinator.post(`/api/plans/${plan.id}/approve`, { meetingId: first.meetingId })).status,
    ).toBe(200);
    const repeat = await coordinator.post(`/api/plans/${plan.id}/approve`, { meetingId: first.meetingId });
    expect(repeat.status).toBe(409);
    expect(repeat.body).toMatchObject({ code: 'plan.notDraft' });
    // a second draft while supporting can be prepared, but deciding it needs a monitoring 'revise' first
    const next = await draft(first.caseId);
    expect(next).toMatchObject({ version: 2, abilities: { update: true, approve: false } });
    const early = await coordinator.post(`/api/plans/${next.id}/approve`, { meetingId: first.meetingId });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'case.illegalTransition' });
  });

  it('is 401 unauthenticated and 404 for roles without case.coordinate and for strangers', async () => {
    const { caseId, meetingId } = await readyCase();
    const plan = await draft(caseId);
    expect((await api.server.anonymous().post(`/api/plans/${plan.id}/approve`, { meetingId })).status).toBe(
      401,
    );
    for (const client of [council, planOfficer, shogai, hogo, hogokansatsu, strangerCoordinator]) {
      expect((await client.post(`/api/plans/${plan.id}/approve`, { meetingId })).status).toBe(404);
    }
    expect((await counterCoordinator.post(`/api/plans/${plan.id}/approve`, { meetingId })).status).toBe(403);
    expect((await coordinator.post(`/api/plans/${NO_ID}/approve`, { meetingId })).status).toBe(404);
  });
});

describe('GET /api/plans/:id, GET /api/cases/:id/plans, GET /api/plans/:id/compare (plans.get, plans.list, plans.compare)', () => {
  let caseId: string;
  let v1: Plan;
  let v2: Plan;

  beforeAll(async () => {
    const ready = await readyCase({ consentOrgs: [SHOGAI, HOGO, HOUKATSU] });
    caseId = ready.caseId;
    v1 = await draft(caseId);
    expect(
      (await coordinator.post(`/api/plans/${v1.id}/approve`, { meetingId: ready.meetingId })).status,
    ).toBe(200);
    const monitoring = await coordinator.post(`/api/cases/${caseId}/monitorings`, {
      conductedOn: '2026-11-20',
      itemResults: v1.items.map((item) => ({ planItemId: item.id, progress: 'partly' })),
      decision: 'revise',
      note: '（試験）就労に向けた支援を加える',
    });
    expect(monitoring.status, JSON.stringify(monitoring.body)).toBe(201);
    const body = planBody({ longTermGoal: '息子が就労に向けて動き出す', nextMonitoringOn: '2027-03-01' });
    body.items = [
      // unchanged (same content and organisation, now at position 2)
      { ...(body.items[1] as (typeof body.items)[number]) },
      // changed frequency, matched by content and organisation
      {
        ...(body.items[0] as (typeof body.items)[number]),
        frequency: '週2回',
        links: ['outreach', 'participationSupport'],
      },
      // new
      {
        content: '協力雇用主での職場体験',
        organizationId: HOUKATSU,
        frequency: '月2回',
        periodFrom: '2027-01-01',
        periodTo: '2027-03-31',
        links: ['participationSupport'],
      },
    ];
    v2 = await draft(caseId, body);
    const held = await addMeeting(caseId, 'multilayerMeeting', true);
    expect((await coordinator.post(`/api/plans/${v2.id}/approve`, { meetingId: held })).status).toBe(200);
  });

  it('keeps v1 readable as superseded after v2 is approved', async () => {
    const old = await shogai.get<Plan>(`/api/plans/${v1.id}`);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ version: 1, status: 'superseded', caseStage: 'supporting' });
    expect(old.body.items).toHaveLength(2);
    expect((await api.server.latestAudit('plan.read'))?.details).toMatchObject({ planIds: [v1.id] });
    expect((await coordinator.get<Plan>(`/api/plans/${v2.id}`)).body).toMatchObject({
      version: 2,
      status: 'approved',
    });
    expect((await caseRow(api.server.database.db, caseId)).next_monitoring_on).toBe('2027-03-01');
  });

  it('lists all versions newest first, paged by cursor, audited', async () => {
    const all = await hogo.get<{ items: Plan[]; nextCursor: string | null }>(`/api/cases/${caseId}/plans`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((p) => [p.version, p.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(all.body.nextCursor).toBeNull();
    expect((await api.server.latestAudit('plan.list'))?.details).toEqual({ planIds: [v2.id, v1.id] });
    const first = await hogo.get<{ items: Plan[]; nextCursor: string }>(`/api/cases/${caseId}/plans?limit=1`);
    expect(first.body.items.map((p) => p.version)).toEqual([2]);
    const second = await hogo.get<{ items: Plan[]; nextCursor: string | null }>(
      `/api/cases/${caseId}/plans?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((p) => p.version)).toEqual([1]);
    expect(second.body.nextCursor).toBeNull();
    expect((await hogo.get(`/api/cases/${caseId}/plans?cursor=garbage`)).status).toBe(400);
    expect((await hogo.get(`/api/cases/${caseId}/plans?limit=0`)).status).toBe(400);
  });

  it('compares two versions older → newer: fields and items added, changed, unchanged', async () => {
    const response = await hogo.get<PlanComparison>(`/api/plans/${v2.id}/compare?with=${v1.id}`);
    expect(response.status).toBe(200);
    const diff = response.body;
    expect(diff.older).toEqual({ id: v1.id, version: 1, status: 'superseded' });
    expect(diff.newer).toEqual({ id: v2.id, version: 2, status: 'approved' });
    expect(diff.fields).toEqual([
      { field: 'longTermGoal', before: '世帯が地域で安定して暮らせる', after: '息子が就労に向けて動き出す' },
      { field: 'nextMonitoringOn', before: '2027-01-15', after: '2027-03-01' },
    ]);
    expect(diff.items.added.map((i) => [i.content, i.organizationName])).toEqual([
      ['協力雇用主での職場体験', '地域包括支援センター'],
    ]);
    expect(diff.items.removed).toEqual([]);
    expect(diff.items.changed).toHaveLength(1);
    expect(diff.items.changed[0]).toMatchObject({
      matchedBy: 'contentAndOrganization',
      fields: ['frequency', 'links'],
      before: { content: '息子への訪問支援（アウトリーチ）', frequency: '週1回', position: 1 },
      after: { content: '息子への訪問支援（アウトリーチ）', frequency: '週2回', position: 2 },
    });
    expect(diff.items.unchanged.map((i) => i.content)).toEqual(['生活保護の相談と家計の見直し']);
    // the same answer whichever way round it is asked
    const reversed = await coordinator.get<PlanComparison>(`/api/plans/${v1.id}/compare?with=${v2.id}`);
    expect(reversed.body.older.id).toBe(v1.id);
    expect(reversed.body.fields).toEqual(diff.fields);
    expect((await api.server.latestAudit('plan.compare'))?.details).toEqual({ planIds: [v1.id, v2.id] });
  });

  it('matches items by position when content or organisation changed, and reports removals', async () => {
    const ready = await readyCase();
    const a = await draft(ready.caseId);
    await coordinator.post(`/api/plans/${a.id}/approve`, { meetingId: ready.meetingId });
    await coordinator.post(`/api/cases/${ready.caseId}/monitorings`, {
      conductedOn: '2026-11-20',
      itemResults: a.items.map((item) => ({ planItemId: item.id, progress: 'achieved' })),
      decision: 'revise',
    });
    const body = planBody();
    body.items = [
      { ...(body.items[0] as (typeof body.items)[number]), content: '息子への訪問と居場所の紹介' },
    ];
    const b = await draft(ready.caseId, body);
    const diff = (await coordinator.get<PlanComparison>(`/api/plans/${a.id}/compare?with=${b.id}`)).body;
    expect(diff.items.changed).toMatchObject([{ matchedBy: 'position', fields: ['content'] }]);
    expect(diff.items.removed.map((i) => i.content)).toEqual(['生活保護の相談と家計の見直し']);
    expect(diff.items.added).toEqual([]);
    expect(diff.fields).toEqual([]);
  });

  it('refuses to compare plans of different cases (400 with), invisible plans (404), bad ids (400)', async () => {
    const otherReady = await readyCase();
    const other = await draft(otherReady.caseId);
    const response = await coordinator.get(`/api/plans/${v1.id}/compare?with=${other.id}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [{ field: 'with' }] });
    // shogai sees this case's plans but not the other case's draft
    expect((await shogai.get(`/api/plans/${v1.id}/compare?with=${other.id}`)).status).toBe(404);
    expect((await coordinator.get(`/api/plans/${v1.id}/compare`)).status).toBe(400);
    expect((await coordinator.get(`/api/plans/${v1.id}/compare?with=nope`)).status).toBe(400);
  });

  it('is 401 unauthenticated and 404 for council, plan officer and non-participating organisations', async () => {
    for (const path of [
      `/api/plans/${v1.id}`,
      `/api/cases/${caseId}/plans`,
      `/api/plans/${v2.id}/compare?with=${v1.id}`,
    ]) {
      expect((await api.server.anonymous().get(path)).status).toBe(401);
      for (const client of [council, planOfficer, hogokansatsu, strangerCoordinator]) {
        const response = await client.get(path);
        expect(response.status, `${path}`).toBe(404);
        expect(response.body).toMatchObject({ code: 'notFound' });
      }
    }
    expect((await coordinator.get(`/api/plans/${NO_ID}`)).status).toBe(404);
    expect((await coordinator.get('/api/plans/xyz')).status).toBe(400);
  });
});
