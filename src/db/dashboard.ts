import { sql } from 'kysely';
import type { CaseFilter } from '../contract/cases.ts';
import type { StageCount } from '../domain/caseStage.ts';
import { reportBaseCutoff } from '../domain/dueDates.ts';
import {
  caseVisible,
  caseVisibleInBulk,
  consultationVisible,
  meetingVisible,
  type Viewer,
} from './access.ts';
import { caseFilterConditions, planItemRunsOn, reportOverdue } from './caseFilters.ts';
import type { Executor } from './executor.ts';
import { meetingEntryColumns, meetingsWithKind } from './meetings.ts';

/**
 * The numbers of cases the viewer may see that match each of some 事例一覧 filters, in one read of
 * the cases that match any of them: the same conditions as cases.list (caseFilterConditions), so each
 * figure on the home and the list it links to agree. For the home's date-based figures that read
 * goes through the indexes on the open cases' dates (migration 20261205_2201), not through every
 * case the viewer may see, and the coordinating section, which takes part in every case, is spared
 * the participation check (caseVisibleInBulk).
 */
export async function countCases(
  db: Executor,
  viewer: Viewer & { userId: string },
  filters: readonly CaseFilter[],
  today: string,
): Promise<number[]> {
  if (filters.length === 0) return [];
  const wheres = filters.map((filter) => {
    const conditions = caseFilterConditions(filter, { userId: viewer.userId, today });
    return conditions.length ? sql<boolean>`(${sql.join(conditions, sql` AND `)})` : sql<boolean>`true`;
  });
  const row = await db
    .selectFrom('cases as c')
    .select(wheres.map((where, i) => sql`count(*) FILTER (WHERE ${where})`.as(`n${i}`)))
    .where('c.tenant_id', '=', viewer.tenantId)
    .where(sql<boolean>`(${sql.join(wheres, sql` OR `)})`)
    .where(caseVisibleInBulk(viewer, 'c.id'))
    .executeTakeFirstOrThrow();
  const values = row as Record<string, unknown>;
  return filters.map((_, i) => Number(values[`n${i}`] ?? 0));
}

/**
 * The cases the viewer's organisation takes part in — those it may see — by stage and whether a
 * worker is assigned, from the tallies the writes keep (visible_case_tallies, migration
 * 20261205_2201): what cases.list?stage=… and ?unassigned=true count, without reading the cases.
 */
export async function visibleCaseCounts(db: Executor, viewer: Viewer): Promise<StageCount[]> {
  const { rows } = await sql<StageCount>`
    SELECT stage, unassigned, n FROM visible_case_tallies
    WHERE tenant_id = ${viewer.tenantId} AND organization_id = ${viewer.organizationId} AND n <> 0`.execute(
    db,
  );
  return rows;
}

/**
 * Per responsible organisation, the open cases the viewer may see with a plan item whose support
 * report is due: the item's period has begun and not ended, and its report is due by the one rule
 * of my plan items and tasks (src/domain/dueDates.ts: 30 days after the last report or the start).
 * The coordinating section, which takes part in every case, is spared the participation check
 * (caseVisibleInBulk).
 */
export async function reportsOverdueByOrganization(
  db: Executor,
  viewer: Viewer,
  today: string,
): Promise<{ organization_id: string; organization_name: string; n: number }[]> {
  const cutoff = reportBaseCutoff(today);
  // the distinct cases per organisation with an item due, found through the items' report_base_on
  // index alone (it is NULL unless the plan is approved and the case open), then the organisations'
  // names (at city ×10 scale, 118,000 (organisation, case) pairs due in the generated data: counted
  // per organisation directly in 120 ms, made distinct as pairs first in 210–270 ms)
  const due = db
    .selectFrom('plan_items as pi')
    .select(['pi.organization_id', sql<string>`count(DISTINCT pi.case_id)`.as('n')])
    .where('pi.tenant_id', '=', viewer.tenantId)
    .where(reportOverdue('pi', cutoff))
    .where(planItemRunsOn('pi', today))
    .where(caseVisibleInBulk(viewer, 'pi.case_id'))
    .groupBy('pi.organization_id')
    .as('due');
  const rows = await db
    .selectFrom(due)
    .innerJoin('organizations as o', 'o.id', 'due.organization_id')
    .select(['due.organization_id', 'o.name as organization_name', 'due.n'])
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface CalendarMeetingRow {
  id: string;
  case_id: string;
  case_number: string;
  title: string;
  kind_name: string;
  legal_basis: 'article106_6' | 'consent';
  scheduled_at: Date;
  status: 'scheduled' | 'held';
  case_visible: boolean;
}

/** Meetings the viewer may see (meetingVisible) scheduled in [from, to) — instants. */
export async function meetingsBetween(
  db: Executor,
  viewer: Viewer,
  from: Date,
  to: Date,
  limit = 500,
): Promise<CalendarMeetingRow[]> {
  return meetingsWithKind(db)
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select([...meetingEntryColumns, caseVisible(viewer, 'm.case_id').as('case_visible')])
    .where('m.tenant_id', '=', viewer.tenantId)
    .where('m.scheduled_at', '>=', from)
    .where('m.scheduled_at', '<', to)
    .where(meetingVisible(viewer, 'm.id', 'm.case_id'))
    .orderBy('m.scheduled_at')
    .orderBy('m.id')
    .limit(limit)
    .execute() as Promise<CalendarMeetingRow[]>;
}

/** Referrals or handovers my organisation sent, by status. */
export async function sentByStatus(
  db: Executor,
  viewer: Viewer,
  table: 'referrals' | 'handovers',
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom(table)
    .select(['status', sql<string>`count(*)`.as('n')])
    .where('tenant_id', '=', viewer.tenantId)
    .where('from_organization_id', '=', viewer.organizationId)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [String(r.status), Number(r.n)]));
}

/** Programmes of the plan per responsible section, with how many have progress for the 年度. */
export async function progressBySection(db: Executor, tenantId: string, planId: string, fiscalYear: number) {
  const rows = await db
    .selectFrom('programmes as pg')
    .innerJoin('organizations as o', 'o.id', 'pg.responsible_section_id')
    .leftJoin('programme_progress as pp', (join) =>
      join.onRef('pp.programme_id', '=', 'pg.id').on('pp.fiscal_year', '=', fiscalYear),
    )
    .select([
      'o.id',
      'o.name',
      sql<string>`count(DISTINCT pg.id)`.as('programmes'),
      sql<string>`count(DISTINCT pp.programme_id)`.as('entered'),
    ])
    .where('pg.tenant_id', '=', tenantId)
    .where('pg.plan_id', '=', planId)
    .groupBy(['o.id', 'o.name'])
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    programmes: Number(r.programmes),
    entered: Number(r.entered),
  }));
}

/** Audit events of some actions in the tenant since an instant. */
export async function countAuditEvents(
  db: Executor,
  tenantId: string,
  actions: readonly string[],
  since: Date,
  resourceTypes?: readonly string[],
): Promise<number> {
  let query = db
    .selectFrom('audit_events')
    .select(sql<string>`count(*)`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where('action', 'in', [...actions])
    .where('occurred_at', '>=', since);
  if (resourceTypes) query = query.where('resource_type', 'in', [...resourceTypes]);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface OverdueOutreachRow {
  id: string;
  case_id: string | null;
  case_number: string | null;
  consultation_id: string | null;
  person_id: string;
  family_name: string;
  given_name: string;
  attempted_on: string;
  next_attempt_on: string;
}

/**
 * アウトリーチ whose next attempt is overdue, as outreachContacts.list?overdue=true counts them: per
 * person reached (the case, or the consultation before a case), the latest attempt the viewer may see,
 * when its next attempt's date has passed. Oldest first.
 */
export async function overdueOutreach(
  db: Executor,
  viewer: Viewer,
  today: string,
  limit = 50,
): Promise<OverdueOutreachRow[]> {
  const { rows } = await sql<OverdueOutreachRow>`
    WITH seen AS (
      SELECT oc.id, oc.consultation_id, oc.attempted_on, oc.next_attempt_on, oc.created_at,
        COALESCE(oc.case_id, (SELECT h.case_id FROM handovers h
          WHERE h.consultation_id = oc.consultation_id AND h.case_id IS NOT NULL LIMIT 1)) AS case_id
      FROM outreach_contacts oc LEFT JOIN consultations con ON con.id = oc.consultation_id
      WHERE oc.tenant_id = ${viewer.tenantId}
        AND ((oc.case_id IS NOT NULL AND ${caseVisible(viewer, 'oc.case_id')})
          OR (oc.consultation_id IS NOT NULL AND ${consultationVisible(viewer, 'con.id', 'con.organization_id')}))
    ), latest AS (
      SELECT DISTINCT ON (COALESCE(case_id::text, consultation_id::text)) *
      FROM seen ORDER BY COALESCE(case_id::text, consultation_id::text), attempted_on DESC, created_at DESC
    )
    SELECT l.id, l.case_id, c.case_number, l.consultation_id, p.id AS person_id, p.family_name, p.given_name,
      l.attempted_on::text AS attempted_on, l.next_attempt_on::text AS next_attempt_on
    FROM latest l
      LEFT JOIN cases c ON c.id = l.case_id
      LEFT JOIN consultations con ON con.id = l.consultation_id
      JOIN persons p ON p.id = COALESCE(c.primary_person_id, con.person_id)
    WHERE l.next_attempt_on IS NOT NULL AND l.next_attempt_on < ${today}::date
    ORDER BY l.next_attempt_on, l.id
    LIMIT ${limit}`.execute(db);
  return rows;
}
