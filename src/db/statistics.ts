import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { issueAreas } from '../domain/codeLists.ts';
import type { CommunityTotals } from '../domain/resources/community.ts';
import type { StatisticsPeriod } from '../domain/statistics.ts';
import { caseVisible, consultationVisible, meetingVisible, type Viewer } from './access.ts';
import { communityTotalsBetween } from './community.ts';
import type { DB } from './schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

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
  /** Days from handover to decision, per decided handover. */
  handoverDaysWaiting: number[];
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

function scoped(
  scope: StatisticsScope,
  predicate: (viewer: Viewer) => RawBuilder<boolean>,
): RawBuilder<boolean> {
  return scope.kind === 'city' ? sql<boolean>`true` : predicate(scope.viewer);
}
const tenantOf = (scope: StatisticsScope) => (scope.kind === 'city' ? scope.tenantId : scope.viewer.tenantId);

async function grouped(
  db: Executor,
  query: RawBuilder<{ k: string | null; n: string }>,
): Promise<Map<string, number>> {
  const { rows } = await query.execute(db);
  return new Map(rows.map((r) => [String(r.k ?? ''), Number(r.n)]));
}
async function single(db: Executor, query: RawBuilder<{ n: string }>): Promise<number> {
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0);
}
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/**
 * Every figure of the report set, counted in SQL from the records themselves (no stored tallies):
 * consultations by received_on, handovers by their creation, cases by accepted_on and closed_on,
 * meetings by held_at, plans by approved_at, suspensions by their timeline entry, the open cases at
 * the period's end, and the household patterns and issue areas of the cases open in the period
 * (their latest 課題整理).
 */
export async function loadStatistics(
  db: Executor,
  scope: StatisticsScope,
  period: StatisticsPeriod,
): Promise<RawStatistics> {
  const t = tenantOf(scope);
  const { start, end } = period;
  const conVisible = scoped(scope, (v) => consultationVisible(v, 'con.id', 'con.organization_id'));
  const caseSeen = scoped(scope, (v) => caseVisible(v, 'c.id'));
  const meetingSeen = scoped(scope, (v) => meetingVisible(v, 'm.id', 'm.case_id'));

  const consultationsWhere = sql`con.tenant_id = ${t}
    AND con.received_on BETWEEN ${start}::date AND ${end}::date AND ${conVisible}`;
  const consultationsIn = sql`consultations con WHERE ${consultationsWhere}`;
  // one scan of the period's consultations for four breakdowns (GROUPING tells which one a row is of:
  // its bit is 0 for the column the row is grouped by)
  const month = sql`to_char(con.received_on, 'YYYY-MM')`;
  const breakdowns = await sql<{ g: number; k: string | null; n: string }>`
    SELECT GROUPING(con.organization_id, con.channel, con.main_topic, ${month}) AS g,
      COALESCE(con.organization_id::text, con.channel, con.main_topic, ${month}) AS k, count(*) AS n
    FROM ${consultationsIn}
    GROUP BY GROUPING SETS ((con.organization_id), (con.channel), (con.main_topic), (${month}))`.execute(db);
  const breakdown = (g: number) =>
    new Map(breakdowns.rows.filter((r) => Number(r.g) === g).map((r) => [String(r.k ?? ''), Number(r.n)]));
  const consultationsByOrganization = breakdown(0b0111);
  const consultationsByChannel = breakdown(0b1011);
  const consultationsByMainTopic = breakdown(0b1101);
  const consultationsByMonth = breakdown(0b1110);
  const consultationsByTopic = await grouped(
    db,
    sql`SELECT topic AS k, count(*) AS n FROM consultations con CROSS JOIN LATERAL unnest(con.topics) AS topic
      WHERE ${consultationsWhere} GROUP BY 1`,
  );

  const handoversIn = sql`handovers h JOIN consultations con ON con.id = h.consultation_id
    WHERE h.tenant_id = ${t} AND ${tokyoDay('h.created_at')} BETWEEN ${start}::date AND ${end}::date AND ${conVisible}`;
  const handoversByOrganization = await grouped(
    db,
    sql`SELECT h.from_organization_id AS k, count(*) AS n FROM ${handoversIn} GROUP BY 1`,
  );
  const handoversByOutcome = await grouped(
    db,
    sql`SELECT h.status AS k, count(*) AS n FROM ${handoversIn} GROUP BY 1`,
  );
  const waiting = await sql<{
    days: number;
  }>`SELECT (${tokyoDay('h.decided_at')} - ${tokyoDay('h.created_at')}) AS days
    FROM ${handoversIn} AND h.decided_at IS NOT NULL`.execute(db);

  const casesAcceptedByMonth = await grouped(
    db,
    sql`SELECT to_char(c.accepted_on, 'YYYY-MM') AS k, count(*) AS n FROM cases c
      WHERE c.tenant_id = ${t} AND c.accepted_on BETWEEN ${start}::date AND ${end}::date AND ${caseSeen} GROUP BY 1`,
  );

  const meetingsIn = sql`meetings m WHERE m.tenant_id = ${t} AND m.status = 'held'
    AND ${tokyoDay('m.held_at')} BETWEEN ${start}::date AND ${end}::date AND ${meetingSeen}`;
  const held = await grouped(db, sql`SELECT m.legal_basis AS k, count(*) AS n FROM ${meetingsIn} GROUP BY 1`);
  const discussed = await grouped(
    db,
    sql`SELECT m.legal_basis AS k, count(DISTINCT m.case_id) AS n FROM ${meetingsIn} GROUP BY 1`,
  );
  const meetingsByMonth = await grouped(
    db,
    sql`SELECT ${tokyoMonth('m.held_at')} AS k, count(*) AS n FROM ${meetingsIn} GROUP BY 1`,
  );

  const plansIn = sql`support_plans sp JOIN cases c ON c.id = sp.case_id
    WHERE sp.tenant_id = ${t} AND sp.approved_at IS NOT NULL
      AND ${tokyoDay('sp.approved_at')} BETWEEN ${start}::date AND ${end}::date AND ${caseSeen}`;
  const plans = await grouped(
    db,
    sql`SELECT CASE WHEN sp.version = 1 THEN 'new' ELSE 'revised' END AS k, count(*) AS n FROM ${plansIn} GROUP BY 1`,
  );
  const linkage = await grouped(
    db,
    sql`SELECT link AS k, count(DISTINCT sp.case_id) AS n
      FROM support_plans sp JOIN cases c ON c.id = sp.case_id JOIN plan_items pi ON pi.plan_id = sp.id
        CROSS JOIN LATERAL unnest(pi.links) AS link
      WHERE sp.tenant_id = ${t} AND sp.approved_at IS NOT NULL
        AND ${tokyoDay('sp.approved_at')} BETWEEN ${start}::date AND ${end}::date AND ${caseSeen}
      GROUP BY 1`,
  );

  const closedIn = sql`cases c WHERE c.tenant_id = ${t} AND c.closed_on BETWEEN ${start}::date AND ${end}::date AND ${caseSeen}`;
  const closuresByReason = await grouped(
    db,
    sql`SELECT c.closure_reason AS k, count(*) AS n FROM ${closedIn} GROUP BY 1`,
  );
  const closuresByMonth = await grouped(
    db,
    sql`SELECT to_char(c.closed_on, 'YYYY-MM') AS k, count(*) AS n FROM ${closedIn} GROUP BY 1`,
  );
  const suspensions = await single(
    db,
    sql`SELECT count(*) AS n FROM case_events ce JOIN cases c ON c.id = ce.case_id
      WHERE ce.tenant_id = ${t} AND ce.kind = 'suspended'
        AND ${tokyoDay('ce.occurred_at')} BETWEEN ${start}::date AND ${end}::date AND ${caseSeen}`,
  );
  const openAtEnd = await single(
    db,
    sql`SELECT count(*) AS n FROM cases c WHERE c.tenant_id = ${t} AND c.accepted_on <= ${end}::date
      AND (c.closed_on IS NULL OR c.closed_on > ${end}::date) AND ${caseSeen}`,
  );
  // cases open at some point of the period, with their latest 課題整理
  const openInPeriod = sql`cases c CROSS JOIN LATERAL (SELECT a.household_flags, a.issues FROM assessments a
      WHERE a.case_id = c.id ORDER BY a.version DESC LIMIT 1) la`;
  const openInPeriodWhere = sql`c.tenant_id = ${t} AND c.accepted_on <= ${end}::date
    AND (c.closed_on IS NULL OR c.closed_on >= ${start}::date) AND ${caseSeen}`;
  const householdPatterns = await grouped(
    db,
    sql`SELECT flag AS k, count(DISTINCT c.id) AS n FROM ${openInPeriod} CROSS JOIN LATERAL unnest(la.household_flags) AS flag
      WHERE ${openInPeriodWhere} GROUP BY 1`,
  );
  const issueCodes = await sql<{ case_id: string; issue: string }>`SELECT DISTINCT c.id AS case_id, issue
    FROM ${openInPeriod} CROSS JOIN LATERAL unnest(la.issues) AS issue WHERE ${openInPeriodWhere}`.execute(
    db,
  );

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
    handoverDaysWaiting: waiting.rows.map((r) => Number(r.days)),
    casesAccepted: sum(casesAcceptedByMonth),
    casesAcceptedByMonth,
    meetingsHeld: { article106_6: held.get('article106_6') ?? 0, consent: held.get('consent') ?? 0 },
    casesDiscussed: {
      article106_6: discussed.get('article106_6') ?? 0,
      consent: discussed.get('consent') ?? 0,
    },
    meetingsByMonth,
    plansNew: plans.get('new') ?? 0,
    plansRevised: plans.get('revised') ?? 0,
    linkage: {
      participationSupport: linkage.get('participationSupport') ?? 0,
      outreach: linkage.get('outreach') ?? 0,
    },
    closuresByReason,
    closuresByMonth,
    closures: sum(closuresByReason),
    suspensions,
    openAtEnd,
    householdPatterns,
    issueAreas: issueAreaCounts(issueCodes.rows),
  };
}

/** Distinct cases per issue area (分野), from (case, issue code) pairs. */

function issueAreaCounts(rows: { case_id: string; issue: string }[]): Map<string, number> {
  const areaOf = new Map(
    issueAreas.flatMap((a) => a.issues.map((i) => [i.code as string, a.code as string])),
  );
  const cases = new Map<string, Set<string>>();
  for (const row of rows) {
    const area = areaOf.get(row.issue);
    if (!area) continue;
    const set = cases.get(area) ?? new Set<string>();
    set.add(row.case_id);
    cases.set(area, set);
  }
  return new Map([...cases].map(([area, set]) => [area, set.size]));
}
