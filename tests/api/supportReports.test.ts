import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MyPlanItem, Plan } from '../../src/contract/plans.ts';
import type { SupportReport } from '../../src/contract/supportReports.ts';
import { today } from '../../src/domain/clock.ts';
import { startTestClock } from '../support/clock.ts';
import { demoApi } from '../support/demoApi.ts';
import { addAssessment, addConsent, addDecisionMeeting, createCase } from '../support/factories.ts';
import type { ApiClient } from '../support/testServer.ts';

startTestClock();
const api = demoApi('coordinator', 'houkatsu', 'shogai', 'hogo', 'hogokansatsu', 'council', 'plan');
const { coordinator, houkatsu, shogai, hogo, hogokansatsu, council, plan: planOfficer } = api;

let SHOGAI: string;
let HOGO: string;

const NO_ID = '00000000-0000-4000-8000-000000000000';
const daysAgo = (n: number) =>
  new Date(Date.parse(`${today()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  SHOGAI = api.dir.organization('障害者相談支援事業所');
  HOGO = api.dir.organization('保護第一課');
});

// --- preconditions: an assessment, the person's consent and a held 重層的支援会議 straight in the
// --- database (another engineer's API), then my own API drafts and approves the plan -------------

const addMeeting = (caseId: string) => addDecisionMeeting(api.server.database.db, api.dir, caseId);

/** A case in 支援中 with plan v1 approved: item 1 by 障害者相談支援事業所, item 2 by 保護第一課. */
async function supportingCase(): Promise<{
  caseId: string;
  caseNumber: string;
  plan: Plan;
  personName: string;
}> {
  const db = api.server.database.db;
  const { caseId, personId } = await createCase(db, api.dir, { stage: 'assessing' });
  await addAssessment(db, api.dir, caseId, { issues: ['withdrawal'], householdFlags: ['8050'] });
  await addConsent(db, api.dir, { personId, caseId, organizationIds: [SHOGAI, HOGO] });
  const meetingId = await addMeeting(caseId);
  const drafted = await coordinator.post<Plan>(`/api/cases/${caseId}/plans`, {
    wishes: '（試験）家で暮らし続けたい',
    longTermGoal: '世帯が地域で安定して暮らせる',
    shortTermGoals: '息子が週1回外出する',
    nextMonitoringOn: '2027-01-15',
    items: [
      {
        content: '息子への訪問支援',
        organizationId: SHOGAI,
        frequency: '週1回',
        periodFrom: '2026-11-01',
        periodTo: '2027-03-31',
        links: ['outreach'],
      },
      {
        content: '家計の見直し',
        organizationId: HOGO,
        frequency: '月1回',
        periodFrom: '2026-11-01',
        periodTo: '2027-03-31',
        links: [],
      },
    ],
  });
  expect(drafted.status).toBe(201);
  const approved = await coordinator.post<Plan>(`/api/plans/${drafted.body.id}/approve`, { meetingId });
  expect(approved.status).toBe(200);
  const person = await db
    .selectFrom('persons')
    .select(['family_name', 'given_name'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return {
    caseId,
    caseNumber: approved.body.caseNumber,
    plan: approved.body,
    personName: `${person.family_name} ${person.given_name}`,
  };
}

function item(plan: Plan, index: number): Plan['items'][number] {
  const found = plan.items[index];
  if (!found) throw new Error(`no item ${index}`);
  return found;
}

function report(planItemId: string, overrides: Record<string, unknown> = {}) {
  return {
    planItemId,
    supportedOn: today(),
    content: '（試験）自宅を訪問し、本人と15分話せた',
    result: 'done',
    ...overrides,
  };
}

async function mine(client: ApiClient, query = '') {
  return client.get<{ items: MyPlanItem[]; nextCursor: string | null }>(`/api/plan-items${query}`);
}

// -------------------------------------------------------------------------------------------------

describe('GET /api/plan-items (planItems.mine) and POST /api/support-reports (supportReports.create)', () => {
  let kase: Awaited<ReturnType<typeof supportingCase>>;
  beforeAll(async () => {
    kase = await supportingCase();
  });

  it('shows shogai and hogo each their own item of the current plan, report due', async () => {
    const forShogai = await mine(shogai);
    expect(forShogai.status).toBe(200);
    const shogaiItems = forShogai.body.items.filter((i) => i.caseId === kase.caseId);
    expect(shogaiItems).toEqual([
      {
        ...item(kase.plan, 0),
        planId: kase.plan.id,
        planVersion: 1,
        caseId: kase.caseId,
        caseNumber: kase.caseNumber,
        personName: kase.personName,
        lastReportedOn: null,
        // first due 30 days after the item's start (2026-11-01), a Tuesday
        reportNominalDueOn: '2026-12-01',
        reportDueOn: '2026-12-01',
        reportDue: true,
        abilities: { report: true },
      },
    ]);
    const hogoItems = (await mine(hogo)).body.items.filter((i) => i.caseId === kase.caseId);
    expect(hogoItems.map((i) => [i.content, i.organizationName])).toEqual([['家計の見直し', '保護第一課']]);
    expect((await api.server.latestAudit('planItem.list'))?.details).toMatchObject({
      itemIds: [item(kase.plan, 1).id],
    });
    for (const client of [hogokansatsu, houkatsu, coordinator]) {
      expect((await mine(client)).body.items.filter((i) => i.caseId === kase.caseId)).toEqual([]);
    }
  });

  it('takes shogai’s report: on the timeline with the organisation’s name, audited, no longer due', async () => {
    const planItemId = item(kase.plan, 0).id;
    const response = await shogai.post<SupportReport>('/api/support-reports', report(planItemId));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      caseId: kase.caseId,
      planItemId,
      planItemContent: '息子への訪問支援',
      planVersion: 1,
      organizationId: SHOGAI,
      organizationName: '障害者相談支援事業所',
      reportedBy: { id: api.dir.user('shogai').id, displayName: '障害 支援' },
      supportedOn: today(),
      result: 'done',
      abilities: {},
    });
    const event = await api.server.database.db
      .selectFrom('case_events')
      .select(['kind', 'summary', 'actor_organization_id', 'subject_id'])
      .where('case_id', '=', kase.caseId)
      .where('kind', '=', 'supportReported')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({
      kind: 'supportReported',
      summary: '障害者相談支援事業所が支援を報告（実施）：息子への訪問支援',
      actor_organization_id: SHOGAI,
      subject_id: response.body.id,
    });
    expect(await api.server.latestAudit('supportReport.create')).toMatchObject({
      resource_id: response.body.id,
      case_id: kase.caseId,
      actor_login_id: 'shogai',
      legal_basis: 'consent',
    });
    // on the case timeline every participant reads (cases.timeline, another engineer's route)
    const timeline = await hogo.get<{ items: { kind: string; summary: string; subjectId: string | null }[] }>(
      `/api/cases/${kase.caseId}/timeline`,
    );
    expect(timeline.status).toBe(200);
    expect(timeline.body.items[0]).toMatchObject({
      kind: 'supportReported',
      summary: '障害者相談支援事業所が支援を報告（実施）：息子への訪問支援',
      subjectId: response.body.id,
    });
    const after = (await mine(shogai)).body.items.find((i) => i.id === planItemId);
    expect(after).toMatchObject({ lastReportedOn: today(), reportDue: false });
  });

  it('takes hogo’s report on its own item, and the coordinating section’s on any item', async () => {
    const hogoReport = await hogo.post<SupportReport>(
      '/api/support-reports',
      report(item(kase.plan, 1).id, { result: 'notReached', supportedOn: daysAgo(2) }),
    );
    expect(hogoReport.status).toBe(201);
    expect(hogoReport.body).toMatchObject({ organizationName: '保護第一課', result: 'notReached' });
    const byCoordinator = await coordinator.post<SupportReport>(
      '/api/support-reports',
      report(item(kase.plan, 1).id),
    );
    expect(byCoordinator.status).toBe(201);
    expect(byCoordinator.body.organizationName).toBe('重層事業担当');
  });

  it('refuses an organisation that sees the case but is not responsible for the item (403)', async () => {
    const response = await houkatsu.post('/api/support-reports', report(item(kase.plan, 0).id));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth.forbidden' });
    expect((await hogo.post('/api/support-reports', report(item(kase.plan, 0).id))).status).toBe(403);
  });

  it('is 404 for an organisation that does not take part, for unknown items, and for council and plan officer', async () => {
    for (const client of [hogokansatsu, council, planOfficer]) {
      const response = await client.post('/api/support-reports', report(item(kase.plan, 0).id));
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'notFound' });
    }
    expect((await shogai.post('/api/support-reports', report(NO_ID))).status).toBe(404);
    expect(
      (await api.server.anonymous().post('/api/support-reports', report(item(kase.plan, 0).id))).status,
    ).toBe(401);
  });

  it('rejects bad input with 400 naming the field: future date, unknown result, empty content', async () => {
    const tomorrow = new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const future = await shogai.post(
      '/api/support-reports',
      report(item(kase.plan, 0).id, { supportedOn: tomorrow }),
    );
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ errors: [{ field: 'supportedOn', code: 'future' }] });
    const bad = await shogai.post('/api/support-reports', {
      planItemId: 'x',
      supportedOn: '昨日',
      content: '',
      result: 'great',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'content',
      'planItemId',
      'result',
      'supportedOn',
    ]);
  });

  it('is 404 for council and plan officer on the list, 401 anonymous, 400 for bad paging', async () => {
    for (const client of [council, planOfficer]) expect((await mine(client)).status).toBe(404);
    expect((await mine(api.server.anonymous())).status).toBe(401);
    expect((await mine(shogai, '?limit=1000')).status).toBe(400);
    expect((await mine(shogai, '?cursor=%%%')).status).toBe(400);
  });

  it('pages "my plan items" by case number and position', async () => {
    const more = await supportingCase();
    const all = (await mine(shogai, '?limit=100')).body.items;
    const first = await mine(shogai, '?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await mine(shogai, `?limit=100&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((i) => i.id)).toEqual(all.map((i) => i.id));
    expect(all.map((i) => i.caseNumber)).toEqual([...all.map((i) => i.caseNumber)].sort());
    expect(all.map((i) => i.caseId)).toEqual(expect.arrayContaining([kase.caseId, more.caseId]));
  });

  it('marks an item due again when its last report is more than 30 days old', async () => {
    const fresh = await supportingCase();
    await api.server.database.db
      .insertInto('support_reports')
      .values({
        id: randomUUID(),
        tenant_id: api.dir.tenantId,
        case_id: fresh.caseId,
        plan_item_id: item(fresh.plan, 0).id,
        organization_id: SHOGAI,
        reported_by: api.dir.user('shogai').id,
        supported_on: daysAgo(31),
        content: '（試験）古い報告',
        result: 'done',
      })
      .execute();
    const found = (await mine(shogai, '?limit=100')).body.items.find((i) => i.id === item(fresh.plan, 0).id);
    expect(found).toMatchObject({ lastReportedOn: daysAgo(31), reportDue: true });
  });
});

describe('reports against items that are not current, and on cases that are not open', () => {
  it('refuses an item of a superseded version and of a draft (409 planItem.notCurrent)', async () => {
    const kase = await supportingCase();
    const v1Item = item(kase.plan, 0).id;
    const revise = await coordinator.post(`/api/cases/${kase.caseId}/monitorings`, {
      conductedOn: today(),
      itemResults: kase.plan.items.map((i) => ({ planItemId: i.id, progress: 'partly' })),
      decision: 'revise',
    });
    expect(revise.status).toBe(201);
    const v2 = await coordinator.post<Plan>(`/api/cases/${kase.caseId}/plans`, {
      wishes: '（試験）',
      longTermGoal: '目標',
      shortTermGoals: '目標',
      nextMonitoringOn: '2027-02-15',
      items: [
        {
          content: '息子への訪問支援（週2回に）',
          organizationId: SHOGAI,
          frequency: '週2回',
          periodFrom: '2026-12-01',
          periodTo: '2027-03-31',
          links: ['outreach'],
        },
      ],
    });
    expect(v2.status).toBe(201);
    const draftItem = await shogai.post('/api/support-reports', report(item(v2.body, 0).id));
    expect(draftItem.status).toBe(409);
    expect(draftItem.body).toMatchObject({ code: 'planItem.notCurrent' });
    // while revising, v1 is still the current plan: reports on it are taken
    expect((await shogai.post('/api/support-reports', report(v1Item))).status).toBe(201);
    const meetingId = await addMeeting(kase.caseId);
    expect((await coordinator.post(`/api/plans/${v2.body.id}/approve`, { meetingId })).status).toBe(200);
    const superseded = await shogai.post<{ code: string; detail: string }>(
      '/api/support-reports',
      report(v1Item),
    );
    expect(superseded.status).toBe(409);
    expect(superseded.body.code).toBe('planItem.notCurrent');
    expect(superseded.body.detail).toContain('第1版');
    expect((await shogai.post('/api/support-reports', report(item(v2.body, 0).id))).status).toBe(201);
    // hogo's v1 item is gone from v2: hogo no longer has items here
    expect((await mine(hogo, '?limit=100')).body.items.filter((i) => i.caseId === kase.caseId)).toEqual([]);
  });

  it('refuses reports on a closed case (409 case.notOpen)', async () => {
    const kase = await supportingCase();
    await api.server.database.db
      .updateTable('cases')
      .set({ stage: 'closed' })
      .where('id', '=', kase.caseId)
      .execute();
    const response = await shogai.post('/api/support-reports', report(item(kase.plan, 0).id));
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'case.notOpen' });
    expect((await mine(shogai, '?limit=100')).body.items.filter((i) => i.caseId === kase.caseId)).toEqual([]);
  });
});

describe('GET /api/cases/:id/support-reports (supportReports.list)', () => {
  let kase: Awaited<ReturnType<typeof supportingCase>>;
  const ids: string[] = [];
  beforeAll(async () => {
    kase = await supportingCase();
    for (const [client, index, ago] of [
      [shogai, 0, 3],
      [hogo, 1, 1],
      [shogai, 0, 0],
    ] as const) {
      const response = await client.post<SupportReport>(
        '/api/support-reports',
        report(item(kase.plan, index).id, { supportedOn: daysAgo(ago), content: `（試験）${ago}日前の支援` }),
      );
      expect(response.status).toBe(201);
      ids.push(response.body.id);
    }
  });

  it('shows every organisation’s reports to each participant, newest support date first, audited', async () => {
    for (const client of [shogai, hogo, houkatsu, coordinator]) {
      const response = await client.get<{ items: SupportReport[]; nextCursor: string | null }>(
        `/api/cases/${kase.caseId}/support-reports`,
      );
      expect(response.status).toBe(200);
      expect(response.body.items.map((r) => [r.organizationName, r.supportedOn])).toEqual([
        ['障害者相談支援事業所', daysAgo(0)],
        ['保護第一課', daysAgo(1)],
        ['障害者相談支援事業所', daysAgo(3)],
      ]);
      expect(response.body.nextCursor).toBeNull();
    }
    const audit = await api.server.latestAudit('supportReport.list');
    expect(audit).toMatchObject({ case_id: kase.caseId, actor_login_id: 'coordinator' });
    expect(audit?.details).toEqual({ reportIds: [ids[2], ids[1], ids[0]] });
  });

  it('pages by cursor', async () => {
    const first = await hogo.get<{ items: SupportReport[]; nextCursor: string }>(
      `/api/cases/${kase.caseId}/support-reports?limit=2`,
    );
    expect(first.body.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const rest = await hogo.get<{ items: SupportReport[]; nextCursor: string | null }>(
      `/api/cases/${kase.caseId}/support-reports?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body.items.map((r) => r.id)).toEqual([ids[0]]);
    expect(rest.body.nextCursor).toBeNull();
    const forged = Buffer.from(JSON.stringify(["2026-01-01'; --", NO_ID])).toString('base64url');
    expect((await hogo.get(`/api/cases/${kase.caseId}/support-reports?cursor=${forged}`)).status).toBe(400);
  });

  it('is 404 for hogokansatsu, council, plan officer and unknown cases; 401 anonymous; 400 bad id', async () => {
    for (const client of [hogokansatsu, council, planOfficer]) {
      const response = await client.get(`/api/cases/${kase.caseId}/support-reports`);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'notFound' });
    }
    expect((await coordinator.get(`/api/cases/${NO_ID}/support-reports`)).status).toBe(404);
    expect((await api.server.anonymous().get(`/api/cases/${kase.caseId}/support-reports`)).status).toBe(401);
    expect((await coordinator.get('/api/cases/abc/support-reports')).status).toBe(400);
  });
});
