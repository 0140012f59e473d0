import { type RawBuilder, sql } from 'kysely';
import { issueAreas } from '../domain/codeLists.ts';
import type { CommunityTotals } from '../domain/resources/community.ts';
import { lastDayOfMonth, type StatisticsPeriod } from '../domain/statistics.ts';
import { caseVisible, consultationVisible, meetingVisible, type Viewer } from './access.ts';
import { communityTotalsBetween } from './community.ts';
import type { Executor } from './executor.ts';

/**
 * Whose records are counted: the whole city (the coordinating section and the plan officer), or
 * what one organisation may see (participation, the same predicates as every list).
 */
export type StatisticsScope = { kind: 'city'; tenantId: string } | { kind: 'organization'; viewer: Viewer };

/** The raw counts of the report set for one period and scope (src/server/routes/statistics.ts presents them). */
export interface RawStatistics {
  consultationsByOrganization: Map<string, number>;
  consultationsByChannel: Map<string, number>;
  consultationsByMainTopic: Map<string, number>;
  consultationsByTopic: Map<string, number>;
  consultationsByMonth: Map<string, number>;
  consultations: number;
  handoversByOrganization: Map<string, number>;
  handoversByOutcome: Map<string, number>;
  handovers: number;
  /** Days from handover to decision → how many decided handovers waited so long. */
  handoverDaysWaiting: Map<number, number>;
  casesAccepted: number;
  casesAcceptedByMonth: Map<string, number>;
  meetingsHeld: { article106_6: number; consent: number };
  casesDiscussed: { article106_6: number; consent: number };
  meetingsByMonth: Map<string, number>;
  plansNew: number;
  plansRevised: number;
  linkage: { participationSupport: number; outreach: number };
  closuresByReason: Map<string, number>;
  closuresByMonth: Map<string, number>;
  closures: number;
  suspensions: number;
  openAtEnd: number;
  householdPatterns: Map<string, number>;
  issueAreas: Map<string, number>;
  /** 参加支援: persons with a placement under way in the period, their hosts, placements started and ended */
  participation: { participants: number; hosts: number; started: number; ended: number };
  /** アウトリーチ: whom attempts reached (a case, or a consultation not yet a case), attempts, of those a case */
  outreach: { persons: number; attempts: number; linkedToCase: number };
  /** 地域づくり: city-wide aggregates (no casework, whatever the scope) */
  community: CommunityTotals;
}

const tokyoDay = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Asia/Tokyo')::date`);
const tokyoMonth = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM')`);
/**
 * The instant `column` falls on a day from `start` to `end` in Asia/Tokyo, written as a range of
 * instants (the same rows as `(column AT TIME ZONE 'Asia/Tokyo')::date BETWEEN start AND end`), so
 * an index on the column can serve it and the planner can estimate it.
 */
const tokyoDaysBetween = (column: string, start: string, end: string) =>
  sql<boolean>`${sql.raw(column)} >= (${start}::date::timestamp AT TIME ZONE 'Asia/Tokyo')
    AND ${sql.raw(column)} < ((${end}::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo')`;

function scoped(
  scope: StatisticsScope,
  predicate: (viewer: Viewer) => RawBuilder<boolean>,
): RawBuilder<boolean> {
  return scope.kind === 'city' ? sql<boolean>`true` : predicate(scope.viewer);
}
const tenantOf = (scope: StatisticsScope) => (scope.kind === 'city' ? scope.tenantId : scope.viewer.tenantId);

/** From the first day of a month to the last day of a month (statisticsPeriod's periods always are). */
const wholeMonths = (start: string, end: string) =>
  start.endsWith('-01') && end === lastDayOfMonth(end.slice(0, 7));

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const add = <K>(m: Map<K, number>, key: K, n: number) => m.set(key, (m.get(key) ?? 0) + n);

/** Issue code → area (分野) (a code listed twice counts in its last area). */
const issueAreaOf = new Map(
  issueAreas.flatMap((a) => a.issues.map((i) => [i.code as string, a.code as string])),
);

/**
 * The record sets a period's figures are counted from, for one scope: each table is read through
 * the same predicates as every list (access.ts), and whole-city figures skip the joins that only
 * visibility needs (every handover has its consultation, every plan and timeline entry its case).
 */
function periodSets(scope: StatisticsScope, period: StatisticsPeriod) {
  const t = tenantOf(scope);
  const { start, end } = period;
  const conVisible = scoped(scope, (v) => consultationVisible(v, 'con.id', 'con.organization_id'));
  const consultationsWhere = sql`con.tenant_id = ${t}
    AND con.received_on BETWEEN ${start}::date AND ${end}::date AND ${conVisible}`;
  // the period's consultations as (organisation, 経路, 主な内容, month, 内容, n) rows: for the whole city
  // over whole months, the monthly tallies (kept with every write, migration 20261203_0102); else
  // the records, one row each
  const fromTallies = scope.kind === 'city' && wholeMonths(start, end);
  const consultationRows = fromTallies
    ? sql`(SELECT ct.organization_id, ct.channel, ct.main_topic, to_char(ct.month, 'YYYY-MM') AS month, ct.topics, ct.n
          FROM consultation_tallies ct
          WHERE ct.tenant_id = ${t} AND ct.month BETWEEN ${start}::date AND ${end}::date AND ct.n > 0) src`
    : sql`(SELECT con.organization_id, con.channel, con.main_topic, to_char(con.received_on, 'YYYY-MM') AS month,
            con.topics, 1 AS n
          FROM consultations con WHERE ${consultationsWhere}) src`;
  const handoversIn = sql`handovers h ${
    scope.kind === 'city' ? sql`` : sql`JOIN consultations con ON con.id = h.consultation_id`
  } WHERE h.tenant_id = ${t} AND ${tokyoDaysBetween('h.created_at', start, end)} AND ${conVisible}`;
  // the period's handovers as (sending organisation, status, days waiting, n) rows: the monthly
  // tallies for the whole city over whole months (migration 20261205_2001), else the records
  const handoverRows = fromTallies
    ? sql`(SELECT ht.organization_id, ht.status, ht.days, ht.n FROM handover_tallies ht
        WHERE ht.tenant_id = ${t} AND ht.month BETWEEN ${start}::date AND ${end}::date AND ht.n > 0) src`
    : sql`(SELECT h.from_organization_id AS organization_id, h.status,
          (${tokyoDay('h.decided_at')} - ${tokyoDay('h.created_at')}) AS days, 1 AS n FROM ${handoversIn}) src`;
  const caseSeen = (column: string) => scoped(scope, (v) => caseVisible(v, column));
  const meetingsIn = sql`meetings m WHERE m.tenant_id = ${t} AND m.status = 'held'
    AND ${tokyoDaysBetween('m.held_at', start, end)}
    AND ${scoped(scope, (v) => meetingVisible(v, 'm.id', 'm.case_id'))}`;
  const plansWhere = sql`sp.tenant_id = ${t} AND sp.approved_at IS NOT NULL
    AND ${tokyoDaysBetween('sp.approved_at', start, end)} AND ${caseSeen('sp.case_id')}`;
  const suspensionsIn = sql`case_events ce WHERE ce.tenant_id = ${t} AND ce.kind = 'suspended'
    AND ${tokyoDaysBetween('ce.occurred_at', start, end)} AND ${caseSeen('ce.case_id')}`;
  // the cases accepted, closed or open at the end of the period as (accepted, closed, open at the end,
  // month accepted, closure reason, month closed, n) rows: the monthly tallies for the whole city
  // over whole months (a month's figures are exact: accepted by the last day of a month is accepted
  // in that month or before), else the records
  const caseFigures = (accepted: string, closed: string, reason: string, n: string) => {
    const [a, c] = [sql.raw(accepted), sql.raw(closed)];
    const acceptedIn = sql`${a} BETWEEN ${start}::date AND ${end}::date`;
    const closedIn = sql`${c} BETWEEN ${start}::date AND ${end}::date`;
    const openAtEnd = sql`(${a} <= ${end}::date AND (${c} IS NULL OR ${c} > ${end}::date))`;
    return {
      columns: sql`${acceptedIn} AS accepted, ${closedIn} AS closed, ${openAtEnd} AS open_at_end,
        to_char(${a}, 'YYYY-MM') AS accepted_month, ${sql.raw(reason)} AS closure_reason,
        to_char(${c}, 'YYYY-MM') AS closed_month, ${sql.raw(n)} AS n`,
      counted: sql`(${acceptedIn} OR ${closedIn} OR ${openAtEnd})`,
    };
  };
  const tallied = caseFigures('ct.accepted_month', 'ct.closed_month', 'ct.closure_reason', 'ct.n');
  const recorded = caseFigures('c.accepted_on', 'c.closed_on', 'c.closure_reason', '1');
  const caseRows = fromTallies
    ? sql`(SELECT ${tallied.columns} FROM case_tallies ct
        WHERE ct.tenant_id = ${t} AND ct.n > 0 AND ${tallied.counted}) x`
    : sql`(SELECT ${recorded.columns} FROM cases c
        WHERE c.tenant_id = ${t} AND ${recorded.counted} AND ${caseSeen('c.id')}) x`;
  return {
    t,
    fromTallies,
    consultationRows,
    handoverRows,
    caseSeen,
    meetingsIn,
    plansWhere,
    suspensionsIn,
    caseRows,
  };
}

/** The figures of a period that the 前年度比較 shows (RawStatistics' totals). */
export type RawTotals = Pick<
  RawStatistics,
  | 'consultations'
  | 'handovers'
  | 'casesAccepted'
  | 'meetingsHeld'
  | 'plansNew'
  | 'plansRevised'
  | 'closures'
  | 'suspensions'
  | 'openAtEnd'
>;

/**
 * Only the totals of a period, in one statement: what the previous 年度's column needs, counted by
 * the same record sets as {@link loadStatistics}.
 */
export async function loadTotals(
  db: Executor,
  scope: StatisticsScope,
  period: StatisticsPeriod,
): Promise<RawTotals> {
  const s = periodSets(scope, period);
  // each record set read once, its several counts told apart by FILTER
  const { rows } = await sql<Record<string, string | null>>`
    SELECT
      (SELECT COALESCE(sum(src.n), 0) FROM ${s.consultationRows}) AS consultations,
      (SELECT COALESCE(sum(src.n), 0) FROM ${s.handoverRows}) AS handovers,
      cs.accepted, cs.closures, cs.open_at_end, ms.held_article106_6, ms.held_consent,
      ps.plans_new, ps.plans_revised,
      (SELECT count(*) FROM ${s.suspensionsIn}) AS suspensions
    FROM (SELECT COALESCE(sum(x.n) FILTER (WHERE x.accepted), 0) AS accepted,
          COALESCE(sum(x.n) FILTER (WHERE x.closed), 0) AS closures,
          COALESCE(sum(x.n) FILTER (WHERE x.open_at_end), 0) AS open_at_end
        FROM ${s.caseRows}) cs,
      (SELECT count(*) FILTER (WHERE m.legal_basis = 'article106_6') AS held_article106_6,
          count(*) FILTER (WHERE m.legal_basis = 'consent') AS held_consent
        FROM ${s.meetingsIn}) ms,
      (SELECT count(*) FILTER (WHERE sp.version = 1) AS plans_new,
          count(*) FILTER (WHERE sp.version IS DISTINCT FROM 1) AS plans_revised
        FROM support_plans sp WHERE ${s.plansWhere}) ps`.execute(db);
  const row = rows[0] ?? {};
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    consultations: n('consultations'),
    handovers: n('handovers'),
    casesAccepted: n('accepted'),
    meetingsHeld: { article106_6: n('held_article106_6'), consent: n('held_consent') },
    plansNew: n('plans_new'),
    plansRevised: n('plans_revised'),
    closures: n('closures'),
    suspensions: n('suspensions'),
    openAtEnd: n('open_at_end'),
  };
}

/**
 * Every figure of the report set, counted in SQL from the records themselves (the whole city's
 * consultations, handovers and cases over whole months from their monthly tallies, which every write
 * keeps): consultations by received_on, handovers by their creation, cases by accepted_on and
 * closed_on, meetings by held_at, plans by approved_at, suspensions by their timeline entry, the open
 * cases at the period's end, and the household patterns and issue areas of the cases open in the
 * period (their latest 課題整理). Each table is read once, its breakdowns told apart by GROUPING SETS.
 */
export async function loadStatistics(
  db: Executor,
  scope: StatisticsScope,
  period: StatisticsPeriod,
): Promise<RawStatistics> {
  const s = periodSets(scope, period);
  const { t } = s;
  const { start, end } = period;

  // one read of the period's consultations for five breakdowns (GROUPING tells which one a row is of:
  // its bit is 0 for the column the row is grouped by); 相談内容 (several per consultation) is grouped
  // by the whole list, each list then counted once for every topic in it
  const consultationRows = await sql<{
    g: number;
    k: string | null;
    topics: (string | null)[] | null;
    n: string;
  }>`
    SELECT GROUPING(src.organization_id, src.channel, src.main_topic, src.month, src.topics) AS g,
      COALESCE(src.organization_id::text, src.channel, src.main_topic, src.month) AS k, src.topics, sum(src.n) AS n
    FROM ${s.consultationRows}
    GROUP BY GROUPING SETS ((src.organization_id), (src.channel), (src.main_topic), (src.month), (src.topics))`.execute(
    db,
  );
  const breakdown = (g: number) =>
    new Map(
      consultationRows.rows.filter((r) => Number(r.g) === g).map((r) => [String(r.k ?? ''), Number(r.n)]),
    );
  const consultationsByOrganization = breakdown(0b01111);
  const consultationsByChannel = breakdown(0b10111);
  const consultationsByMainTopic = breakdown(0b11011);
  const consultationsByMonth = breakdown(0b11101);
  const consultationsByTopic = new Map<string, number>();
  for (const row of consultationRows.rows.filter((r) => Number(r.g) === 0b11110))
    for (const topic of row.topics ?? []) add(consultationsByTopic, String(topic ?? ''), Number(row.n));

  // handovers: by sending organisation, by outcome, and the days each decided one waited
  const handoverRows = await sql<{ organization_id: string; status: string; days: number | null; n: string }>`
    SELECT src.organization_id, src.status, src.days, sum(src.n) AS n
    FROM ${s.handoverRows} GROUP BY 1, 2, 3`.execute(db);
  const handoversByOrganization = new Map<string, number>();
  const handoversByOutcome = new Map<string, number>();
  const handoverDaysWaiting = new Map<number, number>();
  for (const row of handoverRows.rows) {
    const n = Number(row.n);
    add(handoversByOrganization, String(row.organization_id ?? ''), n);
    add(handoversByOutcome, String(row.status ?? ''), n);
    if (row.days !== null) add(handoverDaysWaiting, Number(row.days), n);
  }

  // cases: accepted by month, closed by reason and by month, open at the period's end
  const caseRows = await sql<{
    g: number;
    accepted_month: string | null;
    closure_reason: string | null;
    closed_month: string | null;
    accepted: string;
    closed: string;
    open_at_end: string;
  }>`
    SELECT GROUPING(x.accepted_month, x.closure_reason, x.closed_month) AS g,
      x.accepted_month, x.closure_reason, x.closed_month,
      COALESCE(sum(x.n) FILTER (WHERE x.accepted), 0) AS accepted,
      COALESCE(sum(x.n) FILTER (WHERE x.closed), 0) AS closed,
      COALESCE(sum(x.n) FILTER (WHERE x.open_at_end), 0) AS open_at_end
    FROM ${s.caseRows}
    GROUP BY GROUPING SETS ((x.accepted_month), (x.closure_reason), (x.closed_month), ())`.execute(db);
  const caseBreakdown = (
    g: number,
    key: (r: (typeof caseRows.rows)[number]) => string | null,
    count: 'accepted' | 'closed',
  ) =>
    new Map(
      caseRows.rows
        .filter((r) => Number(r.g) === g && Number(r[count]) > 0)
        .map((r) => [String(key(r) ?? ''), Number(r[count])]),
    );
  const casesAcceptedByMonth = caseBreakdown(0b011, (r) => r.accepted_month, 'accepted');
  const closuresByReason = caseBreakdown(0b101, (r) => r.closure_reason, 'closed');
  const closuresByMonth = caseBreakdown(0b110, (r) => r.closed_month, 'closed');
  const openAtEnd = Number(caseRows.rows.find((r) => Number(r.g) === 0b111)?.open_at_end ?? 0);

  // meetings held: by legal basis (meetings and distinct cases discussed), by month
  const heldMonth = tokyoMonth('m.held_at');
  const meetingRows = await sql<{
    g: number;
    legal_basis: string | null;
    month: string | null;
    n: string;
    cases: string;
  }>`
    SELECT GROUPING(m.legal_basis, ${heldMonth}) AS g, m.legal_basis, ${heldMonth} AS month,
      count(*) AS n, count(DISTINCT m.case_id) AS cases
    FROM ${s.meetingsIn}
    GROUP BY GROUPING SETS ((m.legal_basis), (${heldMonth}))`.execute(db);
  const byBasis = meetingRows.rows.filter((r) => Number(r.g) === 0b01);
  const basisCount = (basis: string, count: 'n' | 'cases') =>
    Number(byBasis.find((r) => r.legal_basis === basis)?.[count] ?? 0);
  const meetingsByMonth = new Map(
    meetingRows.rows.filter((r) => Number(r.g) === 0b10).map((r) => [String(r.month ?? ''), Number(r.n)]),
  );

  // plans approved in the period (new, revised), the cases whose plan links to 参加支援 or
  // アウトリーチ (the links of its items, kept on the plan, migration 20261205_2102), and the
  // suspensions: only the period's plans read, once
  const planRows = await sql<Record<string, string | null>>`
    SELECT count(*) FILTER (WHERE sp.version = 1) AS plans_new,
      count(*) FILTER (WHERE sp.version IS DISTINCT FROM 1) AS plans_revised,
      count(DISTINCT sp.case_id) FILTER (WHERE 'participationSupport' = ANY(sp.item_links)) AS participation_support,
      count(DISTINCT sp.case_id) FILTER (WHERE 'outreach' = ANY(sp.item_links)) AS outreach,
      (SELECT count(*) FROM ${s.suspensionsIn}) AS suspensions
    FROM support_plans sp WHERE ${s.plansWhere}`.execute(db);
  const plans = planRows.rows[0] ?? {};

  // the cases open at some point of the period, with their latest 課題整理 (kept on the case by
  // triggers, migration 20261205_2101): by household pattern and by issue area (分野), each the
  // number of distinct cases. The cases are counted per combination of patterns and issues (a few
  // hundred at ten times city scale), and each combination adds its cases once to each of its
  // patterns and areas here.
  // For the whole city over whole months, from their tallies (migration 20261206_1101): accepted in a
  // month up to the period's last, not closed in a month before its first.
  const assessed = await sql<{ household_flags: string[] | null; issues: string[] | null; n: string }>`${
    s.fromTallies
      ? sql`SELECT at.household_flags, at.issues, sum(at.n) AS n
        FROM assessment_tallies at
        WHERE at.tenant_id = ${t} AND at.issues IS NOT NULL AND at.n > 0 AND at.accepted_month <= ${end}::date
          AND (at.closed_month IS NULL OR at.closed_month >= ${start}::date)
        GROUP BY 1, 2`
      : sql`SELECT c.assessed_household_flags AS household_flags, c.assessed_issues AS issues, count(*) AS n
        FROM cases c
        WHERE c.tenant_id = ${t} AND c.assessed_issues IS NOT NULL AND c.accepted_on <= ${end}::date
          AND (c.closed_on IS NULL OR c.closed_on >= ${start}::date) AND ${s.caseSeen('c.id')}
        GROUP BY 1, 2`
  }`.execute(db);
  const householdPatterns = new Map<string, number>();
  const issueAreaCounts = new Map<string, number>();
  for (const row of assessed.rows) {
    const n = Number(row.n);
    for (const flag of new Set(row.household_flags ?? [])) add(householdPatterns, flag, n);
    const areas = new Set((row.issues ?? []).flatMap((code) => issueAreaOf.get(code) ?? []));
    for (const area of areas) add(issueAreaCounts, area, n);
  }

  // 参加支援: placements under way at some time of the period (arranged by its end, not ended before its start)
  const placementSeen = scoped(scope, (v) => caseVisible(v, 'p.case_id'));
  const placed = await sql<{ participants: string; hosts: string; started: string; ended: string }>`
    SELECT
      count(DISTINCT p.person_id) FILTER (WHERE ${tokyoDay('p.created_at')} <= ${end}::date
        AND (p.ended_on IS NULL OR p.ended_on >= ${start}::date)) AS participants,
      count(DISTINCT r.resource_organization_id) FILTER (WHERE ${tokyoDay('p.created_at')} <= ${end}::date
        AND (p.ended_on IS NULL OR p.ended_on >= ${start}::date)) AS hosts,
      count(*) FILTER (WHERE p.started_on BETWEEN ${start}::date AND ${end}::date) AS started,
      count(*) FILTER (WHERE p.ended_on BETWEEN ${start}::date AND ${end}::date) AS ended
    FROM placements p JOIN resources r ON r.id = p.resource_id
    WHERE p.tenant_id = ${t} AND ${placementSeen}`.execute(db);
  // アウトリーチ: attempts of the period; whom they reached is the case (its own, or the one the
  // consultation's handover opened), else the consultation
  const outreachSeen = scoped(
    scope,
    (v) => sql<boolean>`((oc.case_id IS NOT NULL AND ${caseVisible(v, 'oc.case_id')})
      OR (oc.consultation_id IS NOT NULL AND ${consultationVisible(v, 'con.id', 'con.organization_id')}))`,
  );
  const reached = await sql<{ persons: string; attempts: string; linked: string }>`
    SELECT count(DISTINCT COALESCE(x.case_id::text, 'consultation:' || x.consultation_id::text)) AS persons,
      count(*) AS attempts, count(DISTINCT x.case_id) AS linked
    FROM (SELECT oc.consultation_id, COALESCE(oc.case_id, (SELECT h.case_id FROM handovers h
        WHERE h.consultation_id = oc.consultation_id AND h.case_id IS NOT NULL LIMIT 1)) AS case_id
      FROM outreach_contacts oc LEFT JOIN consultations con ON con.id = oc.consultation_id
      WHERE oc.tenant_id = ${t} AND oc.attempted_on BETWEEN ${start}::date AND ${end}::date
        AND ${outreachSeen}) x`.execute(db);
  const community = await communityTotalsBetween(db, t, start, end);

  return {
    participation: {
      participants: Number(placed.rows[0]?.participants ?? 0),
      hosts: Number(placed.rows[0]?.hosts ?? 0),
      started: Number(placed.rows[0]?.started ?? 0),
      ended: Number(placed.rows[0]?.ended ?? 0),
    },
    outreach: {
      persons: Number(reached.rows[0]?.persons ?? 0),
      attempts: Number(reached.rows[0]?.attempts ?? 0),
      linkedToCase: Number(reached.rows[0]?.linked ?? 0),
    },
    community,
    consultationsByOrganization,
    consultationsByChannel,
    consultationsByMainTopic,
    consultationsByTopic,
    consultationsByMonth,
    consultations: sum(consultationsByOrganization),
    handoversByOrganization,
    handoversByOutcome,
    handovers: sum(handoversByOrganization),
    handoverDaysWaiting,
    casesAccepted: sum(casesAcceptedByMonth),
    casesAcceptedByMonth,
    meetingsHeld: { article106_6: basisCount('article106_6', 'n'), consent: basisCount('consent', 'n') },
    casesDiscussed: {
      article106_6: basisCount('article106_6', 'cases'),
      consent: basisCount('consent', 'cases'),
    },
    meetingsByMonth,
    plansNew: Number(plans.plans_new ?? 0),
    plansRevised: Number(plans.plans_revised ?? 0),
    linkage: {
      participationSupport: Number(plans.participation_support ?? 0),
      outreach: Number(plans.outreach ?? 0),
    },
    closuresByReason,
    closuresByMonth,
    closures: sum(closuresByReason),
    suspensions: Number(plans.suspensions ?? 0),
    openAtEnd,
    householdPatterns,
    issueAreas: issueAreaCounts,
  };
}
