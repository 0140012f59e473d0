import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CaseListItem } from '../../src/contract/cases.ts';
import type { Dashboard } from '../../src/contract/dashboard.ts';
import { addCalendarDays } from '../../src/domain/caseSearch.ts';
import { today } from '../../src/domain/clock.ts';
import { demoApi } from '../support/demoApi.ts';
import { addMeeting, addPlan, createCase } from '../support/factories.ts';
import { type ApiClient, auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('coordinator');
const { coordinator } = api;

const home = async (client: ApiClient, query = '') => {
  const response = await client.get<Dashboard>(`/api/dashboard${query}`);
  expect(response.status).toBe(200);
  return response.body;
};

/** How many cases 事例一覧 lists for a filter (what a figure's link opens). */
const listed = async (client: ApiClient, filter: Record<string, string>) => {
  let count = 0;
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '100', ...filter, ...(cursor ? { cursor } : {}) });
    const page = await client.get<{ items: CaseListItem[]; nextCursor: string | null }>(
      `/api/cases?${query}`,
    );
    expect(page.status).toBe(200);
    count += page.body.items.length;
    cursor = page.body.nextCursor;
  } while (cursor);
  return count;
};

describe('dashboard.get for the coordinating section', () => {
  it('counts what the coordinator must act on, each figure equal to the list it links to', async () => {
    const before = await home(coordinator);
    expect(before.coordinator).not.toBeNull();
    expect(before.caseworker).toBeNull();
    const db = api.server.database.db;
    const day = today();

    // an overdue monitoring, an unassigned case in assessment, a case due for monitoring in 3 days
    const overdue = await createCase(db, api.dir, { stage: 'supporting' });
    await db
      .updateTable('cases')
      .set({ next_monitoring_on: addCalendarDays(day, -2) })
      .where('id', '=', overdue.caseId)
      .execute();
    const soon = await createCase(db, api.dir, { stage: 'supporting' });
    await db
      .updateTable('cases')
      .set({ next_monitoring_on: addCalendarDays(day, 3) })
      .where('id', '=', soon.caseId)
      .execute();
    const assessing = await createCase(db, api.dir, { stage: 'assessing' });
    // a plan item of 保護第一課 started 40 days ago, never reported on: its first report (30 days
    // after the start) is overdue; one started today is not due yet
    await addPlan(db, api.dir, {
      caseId: overdue.caseId,
      item: {
        content: '（試験）家計相談',
        organization: '保護第一課',
        periodFrom: addCalendarDays(day, -40),
      },
    });
    await addPlan(db, api.dir, {
      caseId: soon.caseId,
      item: { content: '（試験）家計相談', organization: '保護第一課', periodFrom: day },
    });
    // a handover waiting since 4 days ago
    const waiting = await createCase(db, api.dir);
    await sql`UPDATE handovers SET status = 'pending', case_id = NULL, decided_at = NULL, decided_by = NULL,
      created_at = ${`${addCalendarDays(day, -4)}T10:00:00+09:00`}::timestamptz WHERE id = ${waiting.handoverId}`.execute(
      db,
    );
    // a 重層的支援会議 in 5 days
    const meetingId = await addMeeting(db, api.dir, {
      caseId: assessing.caseId,
      title: '（試験）ダッシュボード会議',
    });
    await db
      .updateTable('meetings')
      .set({ scheduled_at: new Date(`${addCalendarDays(day, 5)}T14:00:00+09:00`) })
      .where('id', '=', meetingId)
      .execute();

    const after = await home(coordinator);
    const c = after.coordinator;
    const b = before.coordinator;
    if (!c || !b) throw new Error('no coordinator section');
    const stage = (d: typeof c, s: string) => d.openByStage.find((x) => x.stage === s)?.count ?? 0;
    expect(stage(c, 'supporting') - stage(b, 'supporting')).toBe(2);
    expect(stage(c, 'assessing') - stage(b, 'assessing')).toBe(1);
    // `waiting` was created as a case (accepted) too
    expect(stage(c, 'accepted') - stage(b, 'accepted')).toBe(1);
    expect(c.openTotal - b.openTotal).toBe(4);
    expect(c.monitoringOverdue - b.monitoringOverdue).toBe(1);
    expect(c.monitoringDueSoon - b.monitoringDueSoon).toBe(1);
    expect(c.unassigned - b.unassigned).toBe(4);
    const hogo = (d: typeof c) =>
      d.reportsOverdue.find((r) => r.organization.name === '保護第一課')?.count ?? 0;
    expect(hogo(c) - hogo(b)).toBe(1);
    const handover = c.handoversWaiting.find((h) => h.id === waiting.handoverId);
    expect(handover?.daysWaiting).toBe(4);
    expect(handover?.fromOrganization).toBe('地域包括支援センター');
    expect(c.meetingsNext14Days.map((m) => m.id)).toContain(meetingId);
    expect(c.noContact.days).toBe(30);
    // cases made by the factory have no timeline entry: none of them has a recorded contact
    expect(c.noContact.count - b.noContact.count).toBe(4);

    // every figure is the number of cases its link lists
    for (const s of c.openByStage)
      expect(await listed(coordinator, { stage: s.stage }), s.stage).toBe(s.count);
    expect(await listed(coordinator, { monitoring: 'overdue' })).toBe(c.monitoringOverdue);
    expect(await listed(coordinator, { monitoring: 'dueSoon' })).toBe(c.monitoringDueSoon);
    expect(await listed(coordinator, { unassigned: 'true' })).toBe(c.unassigned);
    expect(await listed(coordinator, { noContactDays: '30' })).toBe(c.noContact.count);
    for (const r of c.reportsOverdue) {
      expect(await listed(coordinator, { reportOverdueOrganizationId: r.organization.id })).toBe(r.count);
    }

    // the read is audited with the persons and cases it names
    const audit = await api.server.latestAudit('dashboard.read');
    expect(auditDetails(audit)).toMatchObject({ noContactDays: 30 });
    expect((auditDetails(audit) as { personIds: string[] }).personIds).toContain(waiting.personId);
    expect((auditDetails(audit) as { caseIds: string[] }).caseIds).toContain(assessing.caseId);

    // N of 「N日以上記録なし」 is the caller's choice
    expect((await home(coordinator, '?noContactDays=7')).coordinator?.noContact.days).toBe(7);
    const bad = await coordinator.get('/api/dashboard?noContactDays=0');
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body)).toEqual(['クエリ.noContactDays']);
  });
});

describe('dashboard.get: overdue アウトリーチ', () => {
  it('lists per person the latest attempt whose next attempt has passed, as outreachContacts.list?overdue=true', async () => {
    const db = api.server.database.db;
    const day = today();
    const overdue = await createCase(db, api.dir, { stage: 'supporting' });
    const onTime = await createCase(db, api.dir, { stage: 'supporting' });
    const attempt = (caseId: string, ago: number, next: number) =>
      coordinator.post('/api/outreach-contacts', {
        caseId,
        attemptedOn: addCalendarDays(day, -ago),
        method: 'visit',
        result: 'noAnswer',
        nextAttemptOn: addCalendarDays(day, next),
      });
    // the first attempt's next date passed, but a later attempt was made: only the later one counts
    expect((await attempt(overdue.caseId, 20, -10)).status).toBe(201);
    await attempt(overdue.caseId, 9, -3);
    await attempt(onTime.caseId, 2, 5);
    const c = (await home(coordinator)).coordinator;
    const mine = c?.outreachOverdue.filter((o) => [overdue.caseId, onTime.caseId].includes(o.caseId ?? ''));
    expect(mine?.map((o) => [o.caseId, o.daysOverdue, o.lastAttemptOn])).toEqual([
      [overdue.caseId, 3, addCalendarDays(day, -9)],
    ]);
    const listed = await coordinator.get<{ items: { id: string }[] }>('/api/outreach-contacts?overdue=true');
    expect(new Set(c?.outreachOverdue.map((o) => o.contactId))).toEqual(
      new Set(listed.body.items.map((o) => o.id)),
    );
  });
});

describe('dashboard.get for the other roles', () => {
  it('gives a counter its plan items, referrals, handovers and meetings; nothing of the coordinator', async () => {
    const hogo = await api.server.as('hogo');
    const before = await home(hogo);
    expect(before.coordinator).toBeNull();
    expect(before.planOfficer).toBeNull();
    expect(before.auditor).toBeNull();
    expect(before.caseworker?.sentHandovers.map((h) => h.label)).toEqual(['受理待ち', '受理', '差戻し']);
    // a plan item of 保護第一課 in a case it takes part in, started 40 days ago, never reported on
    const db = api.server.database.db;
    const { caseId } = await createCase(db, api.dir, {
      stage: 'supporting',
      participants: [{ organization: '保護第一課', basis: 'planItem' }],
    });
    await addPlan(db, api.dir, {
      caseId,
      item: {
        content: '（試験）生活保護の相談',
        organization: '保護第一課',
        periodFrom: addCalendarDays(today(), -40),
      },
    });
    const after = await home(hogo);
    expect((after.caseworker?.planItemsDue ?? 0) - (before.caseworker?.planItemsDue ?? 0)).toBe(1);
  });

  it('gives the plan officer the 年度 progress by section, council terms and opinions without an answer', async () => {
    const plan = await api.server.as('plan');
    const body = await home(plan);
    expect(body.coordinator).toBeNull();
    expect(body.caseworker).toBeNull();
    const officer = body.planOfficer;
    expect(officer?.fiscalYearLabel).toMatch(/^令和\d+年度$/);
    expect(officer?.progressBySection.length).toBeGreaterThan(0);
    for (const s of officer?.progressBySection ?? []) expect(s.entered + s.notYet).toBe(s.programmes);
    const unanswered = await api.server.database.db
      .selectFrom('opinions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', api.dir.tenantId)
      .where('answer', 'is', null)
      .executeTakeFirstOrThrow();
    expect(officer?.opinionsUnanswered).toBe(Number(unanswered.n));
  });

  it('gives the auditor the last 7 days of reveals, refusals, exports and prints', async () => {
    const auditor = await api.server.as('auditor');
    const before = (await home(auditor)).auditor;
    // a refused look is an access.denied event
    const hogokansatsu = await api.server.as('hogokansatsu');
    expect((await hogokansatsu.get(`/api/cases/${randomUUID()}`)).status).toBe(404);
    const after = (await home(auditor)).auditor;
    expect(after?.since).toBe(addCalendarDays(today(), -6));
    expect((after?.deniedAccesses ?? 0) - (before?.deniedAccesses ?? 0)).toBe(1);
  });

  it('gives a council member an empty home (no case data)', async () => {
    const council = await api.server.as('council');
    const body = await home(council);
    expect(body).toMatchObject({ coordinator: null, caseworker: null, planOfficer: null, auditor: null });
  });
});

describe('meetings.calendar', () => {
  it('lists the meetings of a period that the caller may see, audited; refuses a period over 62 days', async () => {
    const db = api.server.database.db;
    const { caseId } = await createCase(db, api.dir, { stage: 'assessing' });
    const meetingId = await addMeeting(db, api.dir, { caseId, title: '（試験）カレンダー会議' });
    await db
      .updateTable('meetings')
      .set({ scheduled_at: new Date('2026-11-10T14:00:00+09:00') })
      .where('id', '=', meetingId)
      .execute();
    const month = await coordinator.get<{ items: { id: string; caseNumber: string }[] }>(
      '/api/meetings/calendar?from=2026-11-01&to=2026-11-30',
    );
    expect(month.status).toBe(200);
    expect(month.body.items.map((m) => m.id)).toContain(meetingId);
    expect(auditDetails(await api.server.latestAudit('meeting.calendar'))).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const outsider = await api.server.as('hogokansatsu');
    const theirs = await outsider.get<{ items: { id: string }[] }>(
      '/api/meetings/calendar?from=2026-11-01&to=2026-11-30',
    );
    expect(theirs.body.items.map((m) => m.id)).not.toContain(meetingId);

    const tooLong = await coordinator.get('/api/meetings/calendar?from=2026-01-01&to=2026-12-31');
    expect(tooLong.status).toBe(400);
    expect(problemFields(tooLong.body)).toEqual(['クエリ.to']);
  });
});
