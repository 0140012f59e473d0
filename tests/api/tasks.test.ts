import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/contract/plans.ts';
import type { Task } from '../../src/contract/tasks.ts';
import { addParticipant } from '../../src/db/participants.ts';
import { addBusinessDays, daysBetween } from '../../src/domain/businessDays.ts';
import { now, today } from '../../src/domain/clock.ts';
import { startTestClock } from '../support/clock.ts';
import { demoApi } from '../support/demoApi.ts';
import { addAssessment, addConsent, createCase, createConsultation } from '../support/factories.ts';
import type { ApiClient } from '../support/testServer.ts';

startTestClock();
const api = demoApi('coordinator', 'houkatsu', 'shogai', 'hogo', 'hogokansatsu', 'council', 'plan');
const { coordinator, houkatsu, shogai, hogo, hogokansatsu, council, plan: planOfficer } = api;

let SHOGAI: string;
let HOGO: string;
let HOUKATSU: string;
let COORDINATING: string;

// What the tasks are about, for the assertions
const ids = {
  handover: '',
  handoverConsultation: '',
  referral: '',
  referralConsultation: '',
  ackMeeting: '',
  upcomingMeeting: '',
  acknowledgedMeeting: '',
  shogaiItem: '',
  hogoItem: '',
  overdueCase: '',
  soonCase: '',
  laterCase: '',
  closedCase: '',
  reportedItem: '',
};
let soonOn = '';

beforeAll(async () => {
  SHOGAI = api.dir.organization('障害者相談支援事業所');
  HOGO = api.dir.organization('保護第一課');
  HOUKATSU = api.dir.organization('地域包括支援センター');
  COORDINATING = api.dir.organization('重層事業担当');
  const db = api.server.database.db;

  // A handover from the 包括 counter to the coordinating section, received Tue 2026-04-28 (JST):
  // 5 business days later skips 昭和の日 and the Golden Week holidays → Mon 2026-05-11.
  const handed = await createConsultation(db, api.dir, { outcome: 'handover', status: 'handedOver' });
  ids.handoverConsultation = handed.consultationId;
  ids.handover = randomUUID();
  await db
    .insertInto('handovers')
    .values({
      id: ids.handover,
      tenant_id: api.dir.tenantId,
      consultation_id: handed.consultationId,
      from_organization_id: HOUKATSU,
      to_organization_id: COORDINATING,
      reason: '（試験）8050の複合課題',
      services_tried: '（試験）介護保険',
      status: 'pending',
      created_at: new Date('2026-04-28T01:00:00Z'),
    })
    .execute();

  // A referral (つなぎ) from the 包括 counter to 障害者相談支援事業所, today.
  const referred = await createConsultation(db, api.dir, { outcome: 'referral', status: 'referred' });
  ids.referralConsultation = referred.consultationId;
  ids.referral = randomUUID();
  await db
    .insertInto('referrals')
    .values({
      id: ids.referral,
      tenant_id: api.dir.tenantId,
      consultation_id: referred.consultationId,
      from_organization_id: HOUKATSU,
      to_organization_id: SHOGAI,
      legal_basis: 'consent',
      status: 'pending',
      // by the test's clock, not the database's: "today" here is the test clock's day
      created_at: now(),
    })
    .execute();

  // Meetings: a held 支援会議 on Mon 2025-05-05 (こどもの日) hogo has not acknowledged; an upcoming
  // 重層的支援会議 shogai is invited to; a 支援会議 shogai already acknowledged (no task).
  const meetingCase = await createCase(db, api.dir, { stage: 'watching' });
  const meeting = async (
    kind: 'supportMeeting' | 'multilayerMeeting',
    scheduledAt: string,
    held: boolean,
    invited: { organizationId: string; acknowledged: boolean },
  ) => {
    const id = randomUUID();
    await db
      .insertInto('meetings')
      .values({
        id,
        tenant_id: api.dir.tenantId,
        case_id: meetingCase.caseId,
        kind_id: api.dir.meetingKind(kind),
        legal_basis: kind === 'supportMeeting' ? 'article106_6' : 'consent',
        title: kind === 'supportMeeting' ? '見守り支援会議' : '支援方針の重層的支援会議',
        scheduled_at: new Date(scheduledAt),
        status: held ? 'held' : 'scheduled',
        held_at: held ? new Date(scheduledAt) : null,
        created_by: api.dir.user('coordinator').id,
      })
      .execute();
    await db
      .insertInto('meeting_invitations')
      .values({
        id: randomUUID(),
        tenant_id: api.dir.tenantId,
        meeting_id: id,
        organization_id: invited.organizationId,
        acknowledged_at: invited.acknowledged ? now() : null,
      })
      .execute();
    if (kind === 'multilayerMeeting') {
      // as meetings.create does: a 重層的支援会議 invitee takes part in the case on the consent
      await db.transaction().execute((tx) =>
        addParticipant(tx, {
          tenant_id: api.dir.tenantId,
          case_id: meetingCase.caseId,
          organization_id: invited.organizationId,
          basis: 'meeting',
          scope: 'case',
          legal_basis: 'consent',
          meeting_id: id,
          source_id: null,
        }),
      );
    }
    return id;
  };
  ids.ackMeeting = await meeting('supportMeeting', '2025-05-05T01:00:00Z', true, {
    organizationId: HOGO,
    acknowledged: false,
  });
  ids.upcomingMeeting = await meeting('multilayerMeeting', '2030-01-15T01:00:00Z', false, {
    organizationId: SHOGAI,
    acknowledged: false,
  });
  ids.acknowledgedMeeting = await meeting('supportMeeting', '2025-06-02T01:00:00Z', true, {
    organizationId: SHOGAI,
    acknowledged: true,
  });

  // Plans: items from Sat 2025-10-04 with no report yet: the first report is due 30 days later, on
  // Mon 2025-11-03 (文化の日), moved back to Fri 2025-10-31; overdue from then, not from the start.
  const overdue = await supportingCase();
  ids.overdueCase = overdue.caseId;
  ids.shogaiItem = overdue.plan.items[0]?.id ?? '';
  ids.hogoItem = overdue.plan.items[1]?.id ?? '';
  // monitoring overdue since Mon 2025-05-05 (こどもの日) → due Fri 2025-05-02
  await db
    .updateTable('cases')
    .set({ next_monitoring_on: '2025-05-05' })
    .where('id', '=', overdue.caseId)
    .execute();
  // monitoring within 5 business days; and one later than that (no task yet)
  soonOn = addBusinessDays(today(), 3);
  const soon = await supportingCase();
  ids.soonCase = soon.caseId;
  await db.updateTable('cases').set({ next_monitoring_on: soonOn }).where('id', '=', soon.caseId).execute();
  const later = await supportingCase();
  ids.laterCase = later.caseId;
  await db
    .updateTable('cases')
    .set({ next_monitoring_on: addBusinessDays(today(), 8) })
    .where('id', '=', later.caseId)
    .execute();
  // reports made on the other cases' items, so that only the overdue case's items are due
  for (const kase of [soon, later]) {
    for (const [client, index] of [
      [shogai, 0],
      [hogo, 1],
    ] as const) {
      const response = await client.post('/api/support-reports', {
        planItemId: kase.plan.items[index]?.id,
        supportedOn: today(),
        content: '（試験）訪問した',
        result: 'done',
      });
      expect(response.status).toBe(201);
    }
  }
  ids.reportedItem = soon.plan.items[0]?.id ?? '';
  // a closed case: no monitoring task, no report due, though its date is long past
  const closed = await supportingCase();
  ids.closedCase = closed.caseId;
  await db
    .updateTable('cases')
    .set({ stage: 'closed', next_monitoring_on: '2025-01-10' })
    .where('id', '=', closed.caseId)
    .execute();
});

// --- a case in 支援中 with an approved plan: assessment, consent and a held 重層的支援会議 straight in
// --- the database (another engineer's API), then my API drafts and approves ------------------------

async function supportingCase(): Promise<{ caseId: string; plan: Plan }> {
  const db = api.server.database.db;
  const { caseId, personId } = await createCase(db, api.dir, { stage: 'assessing' });
  const recordedBy = api.dir.user('coordinator').id;
  await addAssessment(db, api.dir, caseId, { issues: ['withdrawal'] });
  await addConsent(db, api.dir, {
    personId: personId,
    caseId: caseId,
    organizationIds: [SHOGAI, HOGO],
    givenOn: '2025-10-01',
  });
  const meetingId = randomUUID();
  await db
    .insertInto('meetings')
    .values({
      id: meetingId,
      tenant_id: api.dir.tenantId,
      case_id: caseId,
      kind_id: api.dir.meetingKind('multilayerMeeting'),
      legal_basis: 'consent',
      title: '第1回重層的支援会議',
      scheduled_at: new Date('2025-10-20T01:00:00Z'),
      status: 'held',
      held_at: new Date('2025-10-20T02:00:00Z'),
      created_by: recordedBy,
    })
    .execute();
  const item = (content: string, organizationId: string) => ({
    content,
    organizationId,
    frequency: '月1回',
    periodFrom: '2025-10-04',
    periodTo: '2030-03-31',
    links: [],
  });
  const drafted = await coordinator.post<Plan>(`/api/cases/${caseId}/plans`, {
    wishes: '（試験）',
    longTermGoal: '地域で暮らし続ける',
    shortTermGoals: '生活のリズムを整える',
    nextMonitoringOn: '2030-01-15',
    items: [item('訪問による見守り', SHOGAI), item('家計の相談', HOGO)],
  });
  expect(drafted.status).toBe(201);
  const approved = await coordinator.post<Plan>(`/api/plans/${drafted.body.id}/approve`, { meetingId });
  expect(approved.status).toBe(200);
  return { caseId, plan: approved.body };
}

async function tasksOf(client: ApiClient): Promise<Task[]> {
  const response = await client.get<{ items: Task[]; today: string }>('/api/tasks');
  expect(response.status).toBe(200);
  expect(response.body.today).toBe(today());
  return response.body.items;
}

const byKind = (tasks: Task[], kind: Task['kind']) => tasks.filter((t) => t.kind === kind);

// -------------------------------------------------------------------------------------------------

describe('GET /api/tasks (tasks.list)', () => {
  it('gives the coordinating section its handover, holiday-adjusted and overdue, with days waiting', async () => {
    const handovers = byKind(await tasksOf(coordinator), 'handover');
    expect(handovers).toHaveLength(1);
    const [task] = handovers;
    expect(task).toMatchObject({
      id: `handover:${ids.handover}`,
      subjectId: ids.handover,
      dueOn: '2026-05-11',
      overdue: today() > '2026-05-11',
      daysWaiting: daysBetween('2026-04-28', today()),
      link: { type: 'consultation', id: ids.handoverConsultation },
      caseId: null,
      abilities: { decide: true, acknowledge: false, report: false, monitor: false },
    });
    expect(task?.title).toMatch(/^引継ぎ依頼の受理判断：.+さん（地域包括支援センターから）$/);
  });

  it('gives the coordinating section monitoring due within 5 business days or overdue, with the holiday rule', async () => {
    const monitoring = byKind(await tasksOf(coordinator), 'monitoringDue');
    expect(monitoring.map((t) => [t.subjectId, t.dueOn, t.overdue])).toEqual([
      [ids.overdueCase, '2025-05-02', true],
      [ids.soonCase, soonOn, false],
    ]);
    expect(monitoring[0]).toMatchObject({
      link: { type: 'case', id: ids.overdueCase },
      abilities: { monitor: true },
      daysWaiting: null,
    });
    expect(monitoring[0]?.title).toMatch(/^モニタリング：R\d+-\d{4} .+さん$/);
    expect(monitoring.map((t) => t.subjectId)).not.toContain(ids.laterCase);
    expect(monitoring.map((t) => t.subjectId)).not.toContain(ids.closedCase);
    // the coordinating section holds no plan items, takes no referrals and was invited to nothing
    const tasks = await tasksOf(coordinator);
    expect(byKind(tasks, 'reportDue')).toEqual([]);
    expect(byKind(tasks, 'referral')).toEqual([]);
    expect(byKind(tasks, 'meeting')).toEqual([]);
  });

  it('gives shogai its referral, its upcoming meeting and its report due (holiday-adjusted)', async () => {
    const tasks = await tasksOf(shogai);
    expect(byKind(tasks, 'referral')).toMatchObject([
      {
        subjectId: ids.referral,
        dueOn: addBusinessDays(today(), 5),
        overdue: false,
        daysWaiting: 0,
        link: { type: 'consultation', id: ids.referralConsultation },
        abilities: { decide: true },
      },
    ]);
    expect(byKind(tasks, 'meeting')).toMatchObject([
      {
        subjectId: ids.upcomingMeeting,
        title: '会議への出席：支援方針の重層的支援会議（重層的支援会議・1月15日）',
        dueOn: '2030-01-15',
        overdue: false,
        link: { type: 'meeting', id: ids.upcomingMeeting },
        abilities: { acknowledge: false },
      },
    ]);
    const reports = byKind(tasks, 'reportDue');
    expect(reports.map((t) => t.subjectId)).toEqual([ids.shogaiItem]);
    expect(reports[0]).toMatchObject({
      dueOn: '2025-10-31',
      nominalDueOn: '2025-11-03',
      overdue: true,
      daysWaiting: null,
      link: { type: 'case', id: ids.overdueCase },
      caseId: ids.overdueCase,
      abilities: { report: true },
    });
    expect(reports[0]?.title).toMatch(/^支援報告：R\d+-\d{4} .+さん「訪問による見守り」$/);
    expect(byKind(tasks, 'handover')).toEqual([]);
    expect(byKind(tasks, 'monitoringDue')).toEqual([]);
    // sorted by due date
    expect(tasks.map((t) => t.dueOn)).toEqual([...tasks.map((t) => t.dueOn)].sort());
  });

  it('gives hogo its unacknowledged 支援会議 (due the business day before こどもの日) and its report due', async () => {
    const tasks = await tasksOf(hogo);
    expect(byKind(tasks, 'meeting')).toMatchObject([
      {
        subjectId: ids.ackMeeting,
        title: '守秘義務の確認：見守り支援会議（支援会議・5月5日）',
        dueOn: '2025-05-02',
        overdue: true,
        abilities: { acknowledge: true },
      },
    ]);
    expect(byKind(tasks, 'reportDue').map((t) => t.subjectId)).toEqual([ids.hogoItem]);
    expect(byKind(tasks, 'referral')).toEqual([]);
    expect(byKind(tasks, 'handover')).toEqual([]);
  });

  it('shows a report due again once the last report is over 30 days old', async () => {
    await api.server.database.db
      .updateTable('support_reports')
      .set({ supported_on: '2026-01-09' })
      .where('plan_item_id', '=', ids.reportedItem)
      .execute();
    const due = byKind(await tasksOf(shogai), 'reportDue').find((t) => t.subjectId === ids.reportedItem);
    // 2026-01-09 + 30 days = Sun 2026-02-08 → Fri 2026-02-06
    expect(due).toMatchObject({
      dueOn: '2026-02-06',
      nominalDueOn: '2026-02-08',
      overdue: true,
      daysWaiting: null,
    });
  });

  it('gives organisations with nothing waiting nothing: the sending counter and hogokansatsu', async () => {
    expect(await tasksOf(hogokansatsu)).toEqual([]);
    expect(await tasksOf(houkatsu)).toEqual([]);
  });

  it('is audited with the ids of what it showed', async () => {
    await tasksOf(hogo);
    const audit = await api.server.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'task.list')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor_login_id).toBe('hogo');
    expect(audit.details).toMatchObject({
      handover: [],
      referral: [],
      meeting: [ids.ackMeeting],
      monitoringDue: [],
    });
    expect((audit.details as unknown as { reportDue: string[] }).reportDue).toContain(ids.hogoItem);
  });

  it('is 401 unauthenticated and 404 for council and plan officer', async () => {
    expect((await api.server.anonymous().get('/api/tasks')).status).toBe(401);
    for (const client of [council, planOfficer]) {
      const response = await client.get('/api/tasks');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'notFound' });
    }
  });
});
