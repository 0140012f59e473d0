import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseList } from '../../src/contract/cases.ts';
import type { Monitoring } from '../../src/contract/monitorings.ts';
import type { Plan, PlanComparison } from '../../src/contract/plans.ts';
import { today } from '../../src/domain/clock.ts';
import { startTestClock } from '../support/clock.ts';
import { demoApi } from '../support/demoApi.ts';
import { addAssessment, addConsent, addDecisionMeeting, caseRow, createCase } from '../support/factories.ts';
import { ApiClient } from '../support/testServer.ts';

startTestClock();
const api = demoApi('coordinator', 'shogai', 'hogo', 'hogokansatsu', 'council', 'plan');
const { coordinator, shogai, hogo, hogokansatsu, council, plan: planOfficer } = api;

let strangerCoordinator: ApiClient;
let SHOGAI: string;
let HOGO: string;

beforeAll(async () => {
  SHOGAI = api.dir.organization('障害者相談支援事業所');
  HOGO = api.dir.organization('保護第一課');
  const admin = await api.server.as('admin');
  expect(
    (
      await admin.post('/api/users', {
        loginId: 'stranger-coordinator',
        displayName: '試験 調整',
        organizationId: api.dir.organization('こども家庭センター'),
        roles: ['coordinator'],
        password: 'correct horse battery',
      })
    ).status,
  ).toBe(201);
  strangerCoordinator = new ApiClient(api.server.url);
  await strangerCoordinator.signIn('stranger-coordinator', 'correct horse battery');
});

// --- preconditions: assessment, consent and a held 重層的支援会議 straight in the database (another
// --- engineer's API); my own API drafts and approves the plan -------------------------------------

const addMeeting = (caseId: string, title?: string) =>
  addDecisionMeeting(api.server.database.db, api.dir, caseId, { title });

const planBody = {
  wishes: '（試験）母の介護を続けたい',
  longTermGoal: '世帯が地域で安定して暮らせる',
  shortTermGoals: '息子が週1回外出する',
  nextMonitoringOn: '2027-01-15',
  items: [
    {
      content: '息子への訪問支援',
      organizationId: '',
      frequency: '週1回',
      periodFrom: '2026-11-01',
      periodTo: '2027-03-31',
      links: ['outreach'],
    },
    {
      content: '家計の見直し',
      organizationId: '',
      frequency: '月1回',
      periodFrom: '2026-11-01',
      periodTo: '2027-03-31',
      links: [],
    },
  ],
};

function body() {
  const copy = structuredClone(planBody);
  (copy.items[0] as { organizationId: string }).organizationId = SHOGAI;
  (copy.items[1] as { organizationId: string }).organizationId = HOGO;
  return copy;
}

/** A case in 支援中 with plan v1 approved (items by 障害者相談支援事業所 and 保護第一課). */
async function supportingCase(): Promise<{ caseId: string; plan: Plan }> {
  const db = api.server.database.db;
  const { caseId, personId } = await createCase(db, api.dir, { stage: 'assessing' });
  await addAssessment(db, api.dir, caseId, { issues: ['withdrawal'], householdFlags: ['8050'] });
  await addConsent(db, api.dir, { personId, caseId, organizationIds: [SHOGAI, HOGO] });
  const drafted = await coordinator.post<Plan>(`/api/cases/${caseId}/plans`, body());
  expect(drafted.status).toBe(201);
  const approved = await coordinator.post<Plan>(`/api/plans/${drafted.body.id}/approve`, {
    meetingId: await addMeeting(caseId),
  });
  expect(approved.status).toBe(200);
  return { caseId, plan: approved.body };
}

function results(plan: Plan, progress = 'partly') {
  return plan.items.map((item) => ({ planItemId: item.id, progress, note: `（試験）${item.content}の状況` }));
}

async function timeline(caseId: string) {
  return api.server.database.db
    .selectFrom('case_events')
    .select(['kind', 'summary'])
    .where('case_id', '=', caseId)
    .orderBy('occurred_at')
    .execute();
}

// -------------------------------------------------------------------------------------------------

describe('POST /api/cases/:id/monitorings (monitorings.create)', () => {
  it('continue: keeps the case supporting and sets the next monitoring date; timeline and audit', async () => {
    const { caseId, plan } = await supportingCase();
    const response = await coordinator.post<Monitoring>(`/api/cases/${caseId}/monitorings`, {
      conductedOn: today(),
      itemResults: results(plan, 'achieved'),
      decision: 'continue',
      note: '（試験）順調',
      nextMonitoringOn: '2027-04-15',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      caseId,
      caseStage: 'supporting',
      planId: plan.id,
      planVersion: 1,
      conductedOn: today(),
      decision: 'continue',
      note: '（試験）順調',
      nextMonitoringOn: '2027-04-15',
      closure: null,
      suspensionReason: null,
      recordedBy: { id: api.dir.user('coordinator').id, displayName: '重層 調整' },
      abilities: { draftPlan: true },
    });
    expect(response.body.itemResults).toEqual([
      {
        planItemId: plan.items[0]?.id,
        content: '息子への訪問支援',
        organizationName: '障害者相談支援事業所',
        progress: 'achieved',
        note: '（試験）息子への訪問支援の状況',
      },
      {
        planItemId: plan.items[1]?.id,
        content: '家計の見直し',
        organizationName: '保護第一課',
        progress: 'achieved',
        note: '（試験）家計の見直しの状況',
      },
    ]);
    const kase = await caseRow(api.server.database.db, caseId);
    expect(kase).toMatchObject({ stage: 'supporting', next_monitoring_on: '2027-04-15' });
    expect(await timeline(caseId)).toContainEqual({
      kind: 'monitored',
      summary: 'モニタリングを実施（判断：継続）次回 2027-04-15',
    });
    expect(await api.server.latestAudit('monitoring.create')).toMatchObject({
      resource_id: response.body.id,
      case_id: caseId,
      details: { decision: 'continue', stage: { from: 'supporting', to: 'supporting' } },
    });
    const stored = await api.server.database.db
      .selectFrom('monitorings')
      .selectAll()
      .where('id', '=', response.body.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      decision: 'continue',
      next_monitoring_on: '2027-04-15',
      plan_id: plan.id,
    });
  });

  it('revise → new draft v2 → approve → v1 superseded and still readable; compare shows the difference', async () => {
    const { caseId, plan: v1 } = await supportingCase();
    const revise = await coordinator.post<Monitoring>(`/api/cases/${caseId}/monitorings`, {
      conductedOn: today(),
      itemResults: results(v1, 'notAchieved'),
      decision: 'revise',
      note: '（試験）外出が続かないため訪問を増やす',
    });
    expect(revise.status).toBe(201);
    expect(revise.body).toMatchObject({ caseStage: 'revising', abilities: { draftPlan: true } });
    expect(await caseRow(api.server.database.db, caseId)).toMatchObject({
      stage: 'revising',
      next_monitoring_on: null,
    });
    expect((await timeline(caseId)).map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'モニタリングを実施（判断：プラン見直し）支援プラン第1版を見直し',
        '段階：支援中 → プラン見直し中',
      ]),
    );
    // a second 'revise' while revising is an illegal transition
    const again = await coordinator.post(`/api/cases/${caseId}/monitorings`, {
      conductedOn: today(),
      itemResults: results(v1),
      decision: 'revise',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'case.illegalTransition' });

    const v2Body = body();
    v2Body.items[0] = { ...(v2Body.items[0] as (typeof v2Body.items)[number]), frequency: '週2回' };
    v2Body.nextMonitoringOn = '2027-02-15';
    const v2 = await coordinator.post<Plan>(`/api/cases/${caseId}/plans`, v2Body);
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, status: 'draft', abilities: { approve: true } });
    const approved = await coordinator.post<Plan>(`/api/plans/${v2.body.id}/approve`, {
      meetingId: await addMeeting(caseId, '第2回重層的支援会議'),
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', caseStage: 'supporting' });
    expect(await caseRow(api.server.database.db, caseId)).toMatchObject({
      stage: 'supporting',
      next_monitoring_on: '2027-02-15',
    });
    expect((await timeline(caseId)).map((e) => e.summary)).toContain(
      '支援プラン第2版を決定（第2回重層的支援会議）',
    );

    const old = await shogai.get<Plan>(`/api/plans/${v1.id}`);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ version: 1, status: 'superseded' });
    expect(old.body.items.map((i) => i.frequency)).toEqual(['週1回', '月1回']);

    const diff = await hogo.get<PlanComparison>(`/api/plans/${v1.id}/compare?with=${v2.body.id}`);
    expect(diff.status).toBe(200);
    expect(diff.body.fields).toEqual([
      { field: 'nextMonitoringOn', before: '2027-01-15', after: '2027-02-15' },
    ]);
    expect(diff.body.items.changed).toMatchObject([
      { fields: ['frequency'], before: { frequency: '週1回' }, after: { frequency: '週2回' } },
    ]);
    expect(diff.body.items.unchanged.map((i) => i.content)).toEqual(['家計の見直し']);

    // monitoring now assesses v2's items
    const next = await coordinator.post<Monitoring>(`/api/cases/${caseId}/monitorings`, {
      conductedOn: today(),
      itemResults: results(approved.body),
      decision: 'continue',
      nextMonitoringOn: '2027-05-01',
    });
    expect(next.body).toMatchObject({ planVersion: 2 });
    // Sat 2027-05-01 is due on Fri 2027-04-30, the same in the case and in the list
    const detail = await coordinator.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(detail.body).toMatchObject({ nextMonitoringOn: '2027-05-01', nextMonitoringDueOn: '2027-04-30' });
    const list = await coordinator.get<CaseList>(
      `/api/cases?q=${encodeURIComponent(detail.body.caseNumber)}`,
    );
    expect(list.body.items.find((item) => item.id === caseId)).toMatchObject({
      nextMonitoringOn: '2027-05-01',
      nextMonitoringDueOn: '2027-04-30',
    });
  });

  it('close: closes the case with reason and evaluation', async () => {
    const { caseId, plan } = await supportingCase();
    const response = await coordinator.post<Monitoring>(`/api/cases/${caseId}/monitorings`, {
      conductedOn: today(),
      itemResults: results(plan, 'achieved'),
      decision: 'close',
      closure: { reason: 'stabilised', evaluation: '（試験）息子が就労継続支援に通所し、世帯が安定した' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      caseStage: 'closed',
      decision: 'close',
      closure: { reason: 'stabilised', evaluation: '（試験）息子が就労継続支援に通所し、世帯が安定した' },
      nextMonitoringOn: null,
      abilities: { draftPlan: false },
    });
    expect(await caseRow(api.server.database.db, caseId)).toMatchObject({
      stage: 'closed',
      closed_on: today(),
      closure_reason: 'stabilised',
      closure_evaluation: '（試験）息子が就労継続支援に通所し、世帯が安定した',
      next_monitoring_on: null,
    });
    expect((await timeline(caseId)).map((e) => e.summary)).toEqual(
      expect.arrayContaining(['モニタリングを実施（判断：終結）終結理由：状況安定', '段階：支援中 → 終結']),
    );
    // nothing more to monitor on a closed case
    const after = await coordinator.post(`/api/cases/${caseId}/monitorings`, {
      conductedOn: today(),
      itemResults: results(plan),
      decision: 'continue',
      nextMonitoringOn: '2027-05-01',
    });
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({ code: 'case.illegalTransition' });
  });

  it('suspend: suspends the case and keeps the reason', async () => {
    const { caseId, plan } = await supportingCase();
    const response = await coordinator.post<Monitoring>(`/api/cases/${caseId}/monitorings`, {
      conductedOn: today(),
      itemResults: results(plan),
      decision: 'suspend',
      suspensionReason: '（試験）本人が長期入院',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      caseStage: 'suspended',
      suspensionReason: '（試験）本人が長期入院',
    });
    expect((await caseRow(api.server.database.db, caseId)).stage).toBe('suspended');
    const stored = await api.server.database.db
      .selectFrom('monitorings')
      .select(['suspension_reason', 'decision'])
      .where('id', '=', response.body.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ suspension_reason: '（試験）本人が長期入院', decision: 'suspend' });
  });

  it('400: items missing (named), unknown items, and what each decision requires', async () => {
    const { caseId, plan } = await supportingCase();
    const missing = await coordinator.post<{ errors: { field: string; code: string; message: string }[] }>(
      `/api/cases/${caseId}/monitorings`,
      {
        conductedOn: today(),
        itemResults: results(plan).slice(0, 1),
        decision: 'continue',
        nextMonitoringOn: '2027-04-01',
      },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toHaveLength(1);
    expect(missing.body.errors[0]).toMatchObject({ field: 'itemResults', code: 'missingItems' });
    expect(missing.body.errors[0]?.message).toContain('2. 家計の見直し（保護第一課）');

    const unknown = await coordinator.post(`/api/cases/${caseId}/monitorings`, {
      conductedOn: today(),
      itemResults: [...results(plan), { planItemId: randomUUID(), progress: 'partly' }],
      decision: 'continue',
      nextMonitoringOn: '2027-04-01',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      errors: [{ field: 'itemResults.2.planItemId', code: 'notInPlan' }],
    });

    const fieldsOf = async (payload: Record<string, unknown>) => {
      const response = await coordinator.post<{ errors: { field: string }[] }>(
        `/api/cases/${caseId}/monitorings`,
        {
          conductedOn: today(),
          itemResults: results(plan),
          ...payload,
        },
      );
      expect(response.status).toBe(400);
      return response.body.errors.map((e) => e.field);
    };
    expect(await fieldsOf({ decision: 'continue' })).toEqual(['nextMonitoringOn']);
    expect(await fieldsOf({ decision: 'continue', nextMonitoringOn: '2020-01-01' })).toEqual([
      'nextMonitoringOn',
    ]);
    expect(await fieldsOf({ decision: 'close' })).toEqual(['closure']);
    expect(await fieldsOf({ decision: 'close', closure: { reason: 'won', evaluation: '' } })).toEqual([
      'closure.reason',
      'closure.evaluation',
    ]);
    expect(await fieldsOf({ decision: 'suspend' })).toEqual(['suspensionReason']);
    expect(await fieldsOf({ decision: 'maybe' })).toEqual(['decision']);
    expect(await fieldsOf({ decision: 'revise', conductedOn: '2999-01-01' })).toEqual(['conductedOn']);
    expect(
      await fieldsOf({
        decision: 'revise',
        itemResults: [
          { planItemId: plan.items[0]?.id, progress: 'partly' },
          { planItemId: plan.items[0]?.id, progress: 'partly' },
        ],
      }),
    ).toEqual(['itemResults.1.planItemId']);
    // every error at once: a bad progress beside a decision's missing field
    expect(
      await fieldsOf({
        decision: 'suspend',
        itemResults: [{ planItemId: plan.items[0]?.id, progress: 'done' }],
      }),
    ).toEqual(['itemResults.0.progress', 'suspensionReason']);
    // nothing was written by any of these
    expect(await caseRow(api.server.database.db, caseId)).toMatchObject({
      stage: 'supporting',
      next_monitoring_on: '2027-01-15',
    });
    expect(
      await api.server.database.db
        .selectFrom('monitorings')
        .select('id')
        .where('case_id', '=', caseId)
        .execute(),
    ).toEqual([]);
  });

  it('409 plan.noApprovedPlan on a case without a decided plan', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    const response = await coordinator.post(`/api/cases/${caseId}/monitorings`, {
      conductedOn: today(),
      itemResults: [],
      decision: 'close',
      closure: { reason: 'resolved', evaluation: '（試験）' },
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'plan.noApprovedPlan' });
  });

  it('is 401 unauthenticated and 404 for council, plan officer, item organisations and strangers', async () => {
    const { caseId, plan } = await supportingCase();
    const payload = {
      conductedOn: today(),
      itemResults: results(plan),
      decision: 'continue',
      nextMonitoringOn: '2027-04-01',
    };
    expect((await api.server.anonymous().post(`/api/cases/${caseId}/monitorings`, payload)).status).toBe(401);
    for (const client of [council, planOfficer, shogai, hogo, hogokansatsu, strangerCoordinator]) {
      const response = await client.post(`/api/cases/${caseId}/monitorings`, payload);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'notFound' });
    }
    expect((await coordinator.post(`/api/cases/${randomUUID()}/monitorings`, payload)).status).toBe(404);
  });
});
