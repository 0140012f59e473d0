import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Statistics } from '../../src/contract/statistics.ts';
import { issueAreas } from '../../src/domain/codeLists.ts';
import { demoApi } from '../support/demoApi.ts';
import { addAssessment, addMeeting, createCase, createConsultation } from '../support/factories.ts';
import { download, pdfText } from '../support/pdfText.ts';
import { auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('coordinator');
const { coordinator } = api;

/**
 * 統計・実績: a 年度 (FY2023, 令和5年度) and the one before it are seeded with known records, and every
 * figure of statistics.get is checked against counts computed here from the fixtures themselves.
 */

interface ConsultationFixture {
  org: string;
  on: string;
  channel: string;
  main: string;
  topics: string[];
}
interface CaseFixture extends ConsultationFixture {
  handoverOn: string;
  decidedOn: string;
  stage: 'supporting' | 'closed' | 'suspended';
  closedOn?: string;
  reason?: string;
  /** Of the latest 課題整理, the one counted. */
  flags: string[];
  issues: string[];
  /** An earlier 課題整理 that the latest replaced: counted nowhere. */
  superseded?: { flags: string[]; issues: string[] };
  meetings: { basis: 'supportMeeting' | 'multilayerMeeting'; on: string }[];
  plans: { version: number; on: string; links: string[] }[];
  suspendedOn?: string;
}
interface OpenHandoverFixture extends ConsultationFixture {
  handoverOn: string;
  status: 'returned' | 'pending';
  decidedOn?: string;
}

const H = '地域包括支援センター';
const G = '保護第一課';
const S = '障害者相談支援事業所';

const consultations: ConsultationFixture[] = [
  { org: H, on: '2023-04-10', channel: 'visit', main: 'care', topics: ['care', 'family'] },
  { org: H, on: '2023-04-20', channel: 'visit', main: 'care', topics: ['care'] },
  { org: H, on: '2023-06-01', channel: 'phone', main: 'income', topics: ['income', 'care'] },
  { org: G, on: '2024-02-14', channel: 'homeVisit', main: 'income', topics: ['income'] },
  { org: G, on: '2024-03-31', channel: 'phone', main: 'housing', topics: ['housing', 'income'] },
  // outside the 年度: the day before and the day after
  { org: H, on: '2023-03-31', channel: 'visit', main: 'care', topics: ['care'] },
  { org: H, on: '2024-04-01', channel: 'visit', main: 'care', topics: ['care'] },
];
const cases: CaseFixture[] = [
  {
    org: H,
    on: '2023-05-08',
    channel: 'visit',
    main: 'withdrawal',
    topics: ['withdrawal', 'care'],
    handoverOn: '2023-05-10',
    decidedOn: '2023-05-12',
    stage: 'supporting',
    flags: ['8050'],
    issues: ['withdrawal', 'elderlyCare'],
    superseded: { flags: ['youngCarerHousehold'], issues: ['offenceHistory'] },
    meetings: [
      { basis: 'supportMeeting', on: '2023-05-20' },
      { basis: 'multilayerMeeting', on: '2023-06-05' },
    ],
    plans: [
      { version: 1, on: '2023-06-05', links: ['participationSupport'] },
      { version: 2, on: '2023-11-01', links: ['participationSupport', 'outreach'] },
    ],
  },
  {
    org: G,
    on: '2023-07-03',
    channel: 'phone',
    main: 'income',
    topics: ['income'],
    handoverOn: '2023-07-03',
    decidedOn: '2023-07-10',
    stage: 'closed',
    closedOn: '2024-01-15',
    reason: 'resolved',
    flags: ['doubleCare'],
    issues: ['financialHardship'],
    meetings: [
      { basis: 'multilayerMeeting', on: '2023-08-01' },
      { basis: 'multilayerMeeting', on: '2023-12-01' },
    ],
    // an item that links to アウトリーチ alone (the other case's links 参加支援 too)
    plans: [{ version: 1, on: '2023-08-01', links: ['outreach'] }],
  },
  {
    org: S,
    on: '2023-09-01',
    channel: 'agency',
    main: 'health',
    topics: ['health', 'family'],
    handoverOn: '2023-09-04',
    decidedOn: '2023-09-05',
    stage: 'suspended',
    suspendedOn: '2024-03-01',
    flags: ['8050', 'compoundHardship'],
    // two issues of one area (人間関係・社会参加): the area counts the case once
    issues: ['withdrawal', 'isolation'],
    meetings: [{ basis: 'supportMeeting', on: '2023-10-01' }],
    plans: [],
  },
  // the previous 年度 (FY2022): accepted, closed there
  {
    org: H,
    on: '2022-10-03',
    channel: 'visit',
    main: 'care',
    topics: ['care'],
    handoverOn: '2022-10-04',
    decidedOn: '2022-10-06',
    stage: 'closed',
    closedOn: '2023-02-01',
    reason: 'movedAway',
    flags: [],
    issues: ['elderlyCare'],
    meetings: [{ basis: 'multilayerMeeting', on: '2022-11-01' }],
    plans: [{ version: 1, on: '2022-11-01', links: ['outreach'] }],
  },
  // accepted in FY2022, still open through FY2023 and closed after it
  {
    org: G,
    on: '2023-01-10',
    channel: 'phone',
    main: 'income',
    topics: ['income'],
    handoverOn: '2023-01-11',
    decidedOn: '2023-01-20',
    stage: 'closed',
    closedOn: '2024-05-01',
    reason: 'stabilised',
    flags: ['9060'],
    issues: ['dementia'],
    meetings: [],
    plans: [],
  },
];
const openHandovers: OpenHandoverFixture[] = [
  {
    org: S,
    on: '2023-11-01',
    channel: 'visit',
    main: 'family',
    topics: ['family'],
    handoverOn: '2023-11-02',
    status: 'returned',
    decidedOn: '2023-11-08',
  },
  {
    org: H,
    on: '2024-03-25',
    channel: 'visit',
    main: 'care',
    topics: ['care'],
    handoverOn: '2024-03-26',
    status: 'pending',
  },
];

// 参加支援, アウトリーチ and 地域づくり of the cases above (index into `cases`)
const placementFixtures = [
  { case: 0, resource: 0, arranged: '2023-06-10', started: '2023-07-01' },
  // arranged, never started, ended: counts as under way in the 年度, not as started
  { case: 0, resource: 1, arranged: '2023-12-01', ended: '2024-01-10' },
  { case: 1, resource: 0, arranged: '2023-08-05', started: '2023-08-20', ended: '2024-01-10' },
  // the previous 年度 only
  { case: 3, resource: 2, arranged: '2022-11-05', started: '2022-11-20', ended: '2023-02-01' },
];
const outreachFixtures: { on: string; case?: number; consultationOfCase?: number; openHandover?: number }[] =
  [
    { on: '2023-11-03', openHandover: 0 },
    { on: '2023-11-20', openHandover: 0 },
    { on: '2023-05-15', case: 0 },
    // on the consultation whose handover opened case 2: it reached that case
    { on: '2023-08-25', consultationOfCase: 2 },
    { on: '2022-10-20', case: 3 },
  ];
const communityFixtures = [
  {
    place: '（試験）東公民館',
    sessions: [
      { on: '2023-05-01', n: 12, orgs: ['自治会', '社協'] },
      { on: '2024-02-01', n: 8, orgs: ['自治会'] },
    ],
  },
  { place: '（試験）東公民館', sessions: [{ on: '2023-07-07', n: 20, orgs: ['小学校'] }] },
  {
    place: '（試験）西集会所',
    sessions: [
      { on: '2023-10-10', n: 5, orgs: [] },
      { on: '2023-03-31', n: 9, orgs: ['自治会'] },
    ],
  },
];

const madeCases: { caseId: string; personId: string; consultationId: string }[] = [];
const openHandoverConsultations: string[] = [];

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+09:00`);

async function setConsultation(id: string, f: ConsultationFixture) {
  await api.server.database.db
    .updateTable('consultations')
    .set({ received_on: f.on, channel: f.channel, main_topic: f.main, topics: f.topics })
    .where('id', '=', id)
    .execute();
}

beforeAll(async () => {
  const db = api.server.database.db;
  for (const f of consultations) {
    const { consultationId } = await createConsultation(db, api.dir, { organization: f.org });
    await setConsultation(consultationId, f);
  }
  for (const f of cases) {
    const made = await createCase(db, api.dir, { organization: f.org, stage: f.stage });
    madeCases.push(made);
    await setConsultation(made.consultationId, f);
    await sql`UPDATE handovers SET created_at = ${at(f.handoverOn)}, decided_at = ${at(f.decidedOn, '15:00')} WHERE id = ${made.handoverId}`.execute(
      db,
    );
    await db
      .updateTable('cases')
      .set({ accepted_on: f.decidedOn, closed_on: f.closedOn ?? null, closure_reason: f.reason ?? null })
      .where('id', '=', made.caseId)
      .execute();
    if (f.superseded) {
      const { issues, flags: householdFlags } = f.superseded;
      await addAssessment(db, api.dir, made.caseId, { issues, householdFlags, version: 1 });
    }
    await addAssessment(db, api.dir, made.caseId, {
      issues: f.issues,
      householdFlags: f.flags,
      version: f.superseded ? 2 : 1,
    });
    for (const m of f.meetings) {
      const id = await addMeeting(db, api.dir, {
        caseId: made.caseId,
        kind: m.basis,
        minutes: '（試験）議事',
      });
      await db
        .updateTable('meetings')
        .set({ scheduled_at: at(m.on), held_at: at(m.on, '11:00') })
        .where('id', '=', id)
        .execute();
    }
    for (const p of f.plans) {
      const planId = randomUUID();
      await db
        .insertInto('support_plans')
        .values({
          id: planId,
          tenant_id: api.dir.tenantId,
          case_id: made.caseId,
          version: p.version,
          status: p.version === f.plans.length ? 'approved' : 'superseded',
          wishes: '（試験）',
          long_term_goal: '（試験）',
          short_term_goals: '（試験）',
          next_monitoring_on: '2024-06-01',
          approved_at: at(p.on),
          approved_by: api.dir.user('coordinator').id,
          created_by: api.dir.user('coordinator').id,
        })
        .execute();
      await db
        .insertInto('plan_items')
        .values({
          id: randomUUID(),
          tenant_id: api.dir.tenantId,
          plan_id: planId,
          case_id: made.caseId,
          position: 1,
          content: '（試験）支援',
          organization_id: api.dir.organization(G),
          links: p.links,
        })
        .execute();
    }
    if (f.suspendedOn) {
      await db
        .insertInto('case_events')
        .values({
          id: randomUUID(),
          tenant_id: api.dir.tenantId,
          case_id: made.caseId,
          kind: 'suspended',
          occurred_at: at(f.suspendedOn),
          recorded_at: at(f.suspendedOn),
          summary: '（試験）中断',
          details: JSON.stringify({}),
        })
        .execute();
    }
  }
  for (const f of openHandovers) {
    const made = await createConsultation(db, api.dir, {
      organization: f.org,
      outcome: 'handover',
      status: 'handedOver',
    });
    openHandoverConsultations.push(made.consultationId);
    await setConsultation(made.consultationId, f);
    await db
      .insertInto('handovers')
      .values({
        id: randomUUID(),
        tenant_id: api.dir.tenantId,
        consultation_id: made.consultationId,
        from_organization_id: made.organizationId,
        to_organization_id: api.dir.organization('重層事業担当'),
        reason: '（試験）',
        services_tried: '（試験）',
        status: f.status,
        decided_by: f.decidedOn ? api.dir.user('coordinator').id : null,
        decided_at: f.decidedOn ? at(f.decidedOn, '15:00') : null,
        return_reason: f.status === 'returned' ? '（試験）' : null,
      })
      .execute();
    await sql`UPDATE handovers SET created_at = ${at(f.handoverOn)} WHERE consultation_id = ${made.consultationId}`.execute(
      db,
    );
  }
  await seedParticipationFixtures();
}, 120_000);

async function seedParticipationFixtures() {
  const db = api.server.database.db;
  const coordinatorId = api.dir.user('coordinator').id;
  const resources = await db
    .selectFrom('resources')
    .select(['id'])
    .where('tenant_id', '=', api.dir.tenantId)
    .orderBy('name')
    .limit(3)
    .execute();
  for (const f of placementFixtures) {
    const made = madeCases[f.case];
    const resource = resources[f.resource];
    if (!made || !resource) throw new Error('fixture');
    await db
      .insertInto('placements')
      .values({
        id: randomUUID(),
        tenant_id: api.dir.tenantId,
        case_id: made.caseId,
        person_id: made.personId,
        resource_id: resource.id,
        organization_id: api.dir.organization('重層事業担当'),
        kind: 'ibasho',
        stage: f.ended ? 'ended' : f.started ? 'active' : 'arranging',
        started_on: f.started ?? null,
        ended_on: f.ended ?? null,
        created_by: coordinatorId,
        created_at: at(f.arranged),
      })
      .execute();
  }
  for (const f of outreachFixtures) {
    const consultationId =
      f.openHandover !== undefined
        ? openHandoverConsultations[f.openHandover]
        : f.consultationOfCase !== undefined
          ? madeCases[f.consultationOfCase]?.consultationId
          : undefined;
    await db
      .insertInto('outreach_contacts')
      .values({
        id: randomUUID(),
        tenant_id: api.dir.tenantId,
        consultation_id: consultationId ?? null,
        case_id: f.case !== undefined ? (madeCases[f.case]?.caseId ?? null) : null,
        organization_id: api.dir.organization('重層事業担当'),
        recorded_by: coordinatorId,
        attempted_on: f.on,
        method: 'visit',
        result: 'noAnswer',
        relationship: 'none',
      })
      .execute();
  }
  for (const f of communityFixtures) {
    const activityId = randomUUID();
    await db
      .insertInto('community_activities')
      .values({
        id: activityId,
        tenant_id: api.dir.tenantId,
        name: '（試験）活動',
        kind: 'salon',
        place_name: f.place,
        created_by: coordinatorId,
      })
      .execute();
    for (const session of f.sessions) {
      await db
        .insertInto('community_activity_sessions')
        .values({
          id: randomUUID(),
          tenant_id: api.dir.tenantId,
          activity_id: activityId,
          held_on: session.on,
          participants: session.n,
          organizations: session.orgs,
          recorded_by: coordinatorId,
        })
        .execute();
    }
  }
}

// ------------------------------------------------------------------ the expected figures, from the fixtures

const inYear = (date: string | undefined, fy: number) =>
  date !== undefined && date >= `${fy}-04-01` && date <= `${fy + 1}-03-31`;
const allConsultations = (): ConsultationFixture[] => [...consultations, ...cases, ...openHandovers];
const allHandovers = () => [...cases.map((c) => ({ ...c, status: 'accepted' as const })), ...openHandovers];
const countBy = <T>(items: T[], key: (item: T) => string | string[]) => {
  const m = new Map<string, number>();
  for (const item of items) for (const k of [key(item)].flat()) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};
const cellMap = (cells: { code: string; count: number | string }[]) =>
  new Map(cells.filter((c) => c.count !== 0).map((c) => [c.code, c.count]));

function expectedTotals(fy: number) {
  const end = `${fy + 1}-03-31`;
  const start = `${fy}-04-01`;
  const meetings = cases.flatMap((c) => c.meetings).filter((m) => inYear(m.on, fy));
  const plans = cases.flatMap((c) => c.plans).filter((p) => inYear(p.on, fy));
  return {
    consultations: allConsultations().filter((c) => inYear(c.on, fy)).length,
    handovers: allHandovers().filter((h) => inYear(h.handoverOn, fy)).length,
    casesAccepted: cases.filter((c) => inYear(c.decidedOn, fy)).length,
    supportMeetingsHeld: meetings.filter((m) => m.basis === 'supportMeeting').length,
    multilayerMeetingsHeld: meetings.filter((m) => m.basis === 'multilayerMeeting').length,
    plansNew: plans.filter((p) => p.version === 1).length,
    plansRevised: plans.filter((p) => p.version > 1).length,
    closures: cases.filter((c) => inYear(c.closedOn, fy)).length,
    suspensions: cases.filter((c) => inYear(c.suspendedOn, fy)).length,
    openAtEnd: cases.filter((c) => c.decidedOn <= end && (!c.closedOn || c.closedOn > end)).length,
    _openInYear: cases.filter((c) => c.decidedOn <= end && (!c.closedOn || c.closedOn >= start)),
  };
}

/** 参加支援, アウトリーチ and 地域づくり of a 年度, from the fixtures. */
function expectedParticipation(fy: number) {
  const start = `${fy}-04-01`;
  const end = `${fy + 1}-03-31`;
  const underWay = placementFixtures.filter((p) => p.arranged <= end && (!p.ended || p.ended >= start));
  const attempts = outreachFixtures.filter((o) => inYear(o.on, fy));
  const reached = attempts.map((o) =>
    o.case !== undefined
      ? `case${o.case}`
      : o.consultationOfCase !== undefined
        ? `case${o.consultationOfCase}`
        : `consultation${o.openHandover}`,
  );
  const sessions = communityFixtures.flatMap((a) =>
    a.sessions.filter((x) => inYear(x.on, fy)).map((x) => ({ ...x, place: a.place })),
  );
  return {
    participation: {
      participants: new Set(underWay.map((p) => p.case)).size,
      hosts: new Set(underWay.map((p) => p.resource)).size,
      started: placementFixtures.filter((p) => inYear(p.started, fy)).length,
      ended: placementFixtures.filter((p) => inYear(p.ended, fy)).length,
    },
    outreach: {
      persons: new Set(reached).size,
      attempts: attempts.length,
      linkedToCase: new Set(reached.filter((r) => r.startsWith('case'))).size,
    },
    // the demo's own 地域づくり sessions are of recent 年度, not of FY2023
    community: {
      bases: new Set(sessions.map((x) => x.place)).size,
      participants: sessions.reduce((sum, x) => sum + x.n, 0),
      organizations: new Set(sessions.flatMap((x) => x.orgs)).size,
      sessions: sessions.length,
    },
  };
}

describe('statistics.get (coordinating section: the whole city)', () => {
  it('counts 参加支援, アウトリーチ and 地域づくり of the 年度 as the fixtures say', async () => {
    const stats = (await coordinator.get<Statistics>('/api/statistics?fiscalYear=2023')).body;
    const expected = expectedParticipation(2023);
    expect(expected.participation.participants).toBeGreaterThan(0);
    expect({
      participation: stats.participation,
      outreach: stats.outreach,
      community: stats.community,
    }).toEqual(expected);
    const csv = await download(coordinator, '/api/statistics/export?fiscalYear=2023&format=csv');
    expect(csv.body.toString('utf8')).toContain(`拠点数,${expected.community.bases}`);
  });

  it('counts every figure of the 年度 as the fixtures say, and the previous 年度 beside it', async () => {
    const response = await coordinator.get<Statistics>('/api/statistics?fiscalYear=2023');
    expect(response.status).toBe(200);
    const stats = response.body;
    expect(stats).toMatchObject({
      fiscalYearLabel: '令和5年度',
      from: '2023-04-01',
      to: '2024-03-31',
      scope: 'city',
      suppressed: false,
    });
    const { _openInYear, ...totals } = expectedTotals(2023);
    expect(stats.totals).toEqual(totals);
    const { _openInYear: _p, ...previous } = expectedTotals(2022);
    expect(stats.previous).toEqual({ fiscalYear: 2022, fiscalYearLabel: '令和4年度', totals: previous });

    const year = allConsultations().filter((c) => inYear(c.on, 2023));
    const orgName = (id: string) => stats.consultations.byOrganization.find((o) => o.code === id)?.label;
    expect(new Map(stats.consultations.byOrganization.map((o) => [o.label, o.count]))).toEqual(
      countBy(year, (c) => c.org),
    );
    expect(orgName(api.dir.organization(H))).toBe(H);
    expect(cellMap(stats.consultations.byChannel)).toEqual(countBy(year, (c) => c.channel));
    expect(cellMap(stats.consultations.byMainTopic)).toEqual(countBy(year, (c) => c.main));
    expect(cellMap(stats.consultations.byTopic)).toEqual(countBy(year, (c) => c.topics));

    const handovers = allHandovers().filter((h) => inYear(h.handoverOn, 2023));
    expect(new Map(stats.handovers.byOrganization.map((o) => [o.label, o.count]))).toEqual(
      countBy(handovers, (h) => h.org),
    );
    expect(cellMap(stats.handovers.byOutcome)).toEqual(countBy(handovers, (h) => h.status));
    // days from handover to decision: 2, 7, 1 (cases) and 6 (returned) → median 4
    expect(stats.handovers.medianDaysWaiting).toBe(4);

    const meetings = cases.filter((c) => c.meetings.some((m) => inYear(m.on, 2023)));
    expect(stats.meetings.supportMeetingCases).toBe(
      cases.filter((c) => c.meetings.some((m) => m.basis === 'supportMeeting' && inYear(m.on, 2023))).length,
    );
    expect(stats.meetings.multilayerMeetingCases).toBe(
      cases.filter((c) => c.meetings.some((m) => m.basis === 'multilayerMeeting' && inYear(m.on, 2023)))
        .length,
    );
    expect(meetings.length).toBeGreaterThan(0);
    const linked = (link: string) =>
      cases.filter((c) => c.plans.some((p) => inYear(p.on, 2023) && p.links.includes(link))).length;
    expect(stats.linkage).toEqual({
      participationSupport: linked('participationSupport'),
      outreach: linked('outreach'),
    });
    expect(cellMap(stats.closuresByReason)).toEqual(
      countBy(
        cases.filter((c) => inYear(c.closedOn, 2023)),
        (c) => c.reason ?? '',
      ),
    );
    const open = expectedTotals(2023)._openInYear;
    expect(cellMap(stats.householdPatterns)).toEqual(countBy(open, (c) => c.flags));
    const areaOf = (issue: string) =>
      issueAreas.find((a) => a.issues.some((i) => i.code === issue))?.code ?? '';
    expect(cellMap(stats.issueAreas)).toEqual(countBy(open, (c) => [...new Set(c.issues.map(areaOf))]));

    expect(stats.monthly.map((m) => m.month)).toHaveLength(12);
    for (const m of stats.monthly) {
      expect(m.consultations, m.month).toBe(year.filter((c) => c.on.startsWith(m.month)).length);
      expect(m.closures, m.month).toBe(cases.filter((c) => c.closedOn?.startsWith(m.month)).length);
    }

    expect(auditDetails(await api.server.latestAudit('statistics.read'))).toMatchObject({
      fiscalYear: 2023,
      scope: 'city',
    });
  });

  it('narrows to a month range inside the 年度, and refuses one outside it', async () => {
    const part = await coordinator.get<Statistics>('/api/statistics?fiscalYear=2023&from=2023-04&to=2023-06');
    expect(part.status).toBe(200);
    expect(part.body.totals.consultations).toBe(
      allConsultations().filter((c) => c.on >= '2023-04-01' && c.on <= '2023-06-30').length,
    );
    expect(part.body.monthly.map((m) => m.label)).toEqual(['4月', '5月', '6月']);
    const bad = await coordinator.get('/api/statistics?fiscalYear=2023&from=2024-04');
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body)).toEqual(['クエリ.from']);
  });
});

describe('statistics.get for a caseworker organisation', () => {
  it('counts only what the organisation takes part in, and shows 1–4 as 5未満', async () => {
    const shogai = await api.server.as('shogai');
    const response = await shogai.get<Statistics>('/api/statistics?fiscalYear=2023');
    expect(response.status).toBe(200);
    const stats = response.body;
    expect(stats).toMatchObject({ scope: 'organization', suppressed: true });
    // 障害者相談支援事業所 took 2 consultations in FY2023 (one became a case, one handover was returned)
    expect(stats.totals.consultations).toBe('5未満');
    expect(stats.totals.casesAccepted).toBe('5未満');
    expect(stats.totals.suspensions).toBe('5未満');
    expect(stats.totals.plansNew).toBe(0);
    for (const cell of [
      ...stats.consultations.byChannel,
      ...stats.issueAreas,
      ...stats.monthly.map((m) => ({ count: m.consultations })),
    ]) {
      expect([0, '5未満']).toContain(cell.count);
    }
    expect(stats.consultations.byOrganization.map((o) => o.label)).toEqual([S]);
    // 参加支援 and アウトリーチ are casework: what it takes part in, small figures hidden; 地域づくり is
    // aggregate and city-wide, shown as it is
    expect(stats.participation.participants).toBe(0);
    expect(stats.outreach).toEqual({ persons: '5未満', attempts: '5未満', linkedToCase: '5未満' });
    expect(stats.community).toEqual(expectedParticipation(2023).community);
  });

  it('is refused to roles without it (403)', async () => {
    const council = await api.server.as('council');
    expect((await council.get('/api/statistics?fiscalYear=2023')).status).toBe(403);
  });
});

describe('statistics.export', () => {
  it('downloads xlsx, CSV with a BOM and PDF of the same figures, audited as an export', async () => {
    const xlsx = await download(coordinator, '/api/statistics/export?fiscalYear=2023&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    expect(xlsx.disposition).toContain(encodeURIComponent('統計・実績_令和5年度.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const rows: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join('|')));
    const totals = expectedTotals(2023);
    expect(rows).toContain(`新規相談受付件数|${totals.consultations}|${expectedTotals(2022).consultations}`);
    expect(rows).toContain(`終結件数|${totals.closures}|${expectedTotals(2022).closures}`);

    const csv = await download(coordinator, '/api/statistics/export?fiscalYear=2023&format=csv');
    expect(csv.status).toBe(200);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body.toString('utf8')).toContain(`支援決定件数,${totals.casesAccepted},`);
    expect(auditDetails(await api.server.latestAudit('export'))).toMatchObject({
      format: 'csv',
      fiscalYear: 2023,
    });

    const pdf = await download(coordinator, '/api/statistics/export?fiscalYear=2023&format=pdf');
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body);
    expect(text).toContain('統計・実績（令和5年度）');
    expect(text).toContain('新規相談受付件数');
  });
});
