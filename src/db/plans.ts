import { type Selectable, sql, type Transaction } from 'kysely';
import type { PlanInput, PlanLink } from '../contract/plans.ts';
import { now } from '../domain/clock.ts';
import { REPORT_INTERVAL_DAYS, type ReportSchedule } from '../domain/dueDates.ts';
import { toIsoDate } from '../domain/wareki.ts';
import { caseVisible, type Viewer } from './access.ts';
import { planItemRunsOn } from './caseFilters.ts';
import { type CaseHeader, caseHeaderColumns } from './caseHeader.ts';
import type { Executor } from './executor.ts';
import { unknownIds } from './knownIds.ts';
import { meetingsWithKind } from './meetings.ts';
import { insertNewRow, insertNewRows } from './newRow.ts';
import { personFullNameColumns } from './persons.ts';
import type { DB, MeetingTable, PlanItemTable, SupportPlanTable } from './schema.ts';

// ---------------------------------------------------------------------------------------------
// Plans

export type PlanRow = Selectable<SupportPlanTable>;

/** A plan with the case facts its presentation and abilities need. */
export interface PlanRecord extends PlanRow, CaseHeader {}

function planQuery(db: Executor, viewer: Viewer) {
  return db
    .selectFrom('support_plans as sp')
    .innerJoin('cases as c', 'c.id', 'sp.case_id')
    .selectAll('sp')
    .select(caseHeaderColumns)
    .where('sp.tenant_id', '=', viewer.tenantId)
    .where(caseVisible(viewer, 'c.id'));
}

/** One plan of a case the viewer may see, or undefined (→ 404). */
export async function findPlan(
  db: Executor,
  viewer: Viewer,
  planId: string,
): Promise<PlanRecord | undefined> {
  return planQuery(db, viewer).where('sp.id', '=', planId).executeTakeFirst();
}

/** The versions of a case's plan, newest first, after the cursor's version. */
export async function listPlans(
  db: Executor,
  viewer: Viewer,
  caseId: string,
  page: { limit: number; beforeVersion?: number | undefined },
): Promise<PlanRecord[]> {
  let query = planQuery(db, viewer).where('sp.case_id', '=', caseId);
  if (page.beforeVersion !== undefined) query = query.where('sp.version', '<', page.beforeVersion);
  return query.orderBy('sp.version', 'desc').limit(page.limit).execute();
}

/** The case's draft, if any. */
export async function findDraft(db: Executor, tenantId: string, caseId: string) {
  return db
    .selectFrom('support_plans')
    .select(['id', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/** The case's current (approved) plan, if any. */
export async function findCurrentPlan(db: Executor, tenantId: string, caseId: string) {
  return db
    .selectFrom('support_plans')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
}

export type PlanItemRow = Selectable<PlanItemTable> & {
  organization_name: string;
  programme_name: string | null;
  resource_name: string | null;
};

export interface PlanDetails {
  items: PlanItemRow[];
  meeting: (Pick<MeetingTable, 'id' | 'title' | 'legal_basis' | 'held_at'> & { kind_name: string }) | null;
  approver: { id: string; displayName: string } | null;
  creator: { id: string; displayName: string };
}

/** Items (with organisation names), deciding meeting, approver and author of many plans: three queries. */
export async function loadPlanDetails(
  db: Executor,
  tenantId: string,
  plans: readonly PlanRow[],
): Promise<Map<string, PlanDetails>> {
  const details = new Map<string, PlanDetails>();
  if (plans.length === 0) return details;
  const items = await planItemsOf(
    db,
    tenantId,
    plans.map((p) => p.id),
  );
  const meetingIds = [...new Set(plans.flatMap((p) => (p.decided_meeting_id ? [p.decided_meeting_id] : [])))];
  const meetings =
    meetingIds.length === 0
      ? []
      : await meetingsWithKind(db)
          .select(['m.id', 'm.title', 'm.legal_basis', 'm.held_at', 'k.name as kind_name'])
          .where('m.tenant_id', '=', tenantId)
          .where('m.id', 'in', meetingIds)
          .execute();
  const userIds = [
    ...new Set(plans.flatMap((p) => (p.approved_by ? [p.created_by, p.approved_by] : [p.created_by]))),
  ];
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', userIds)
    .execute();
  const userRef = (id: string) => ({
    id,
    displayName: users.find((u) => u.id === id)?.display_name ?? '',
  });
  for (const plan of plans) {
    details.set(plan.id, {
      items: items.filter((item) => item.plan_id === plan.id),
      meeting: meetings.find((m) => m.id === plan.decided_meeting_id) ?? null,
      approver: plan.approved_by ? userRef(plan.approved_by) : null,
      creator: userRef(plan.created_by),
    });
  }
  return details;
}

/** Plan items (`pi`) with the names of the organisation holding each and of the programme and resource it names. */
function planItemsWithNames(db: Executor) {
  return db
    .selectFrom('plan_items as pi')
    .innerJoin('organizations as o', 'o.id', 'pi.organization_id')
    .leftJoin('programmes as pg', 'pg.id', 'pi.programme_id')
    .leftJoin('resources as rs', 'rs.id', 'pi.resource_id')
    .selectAll('pi')
    .select(['o.name as organization_name', 'pg.name as programme_name', 'rs.name as resource_name']);
}

/** The items of the given plans in position order, with their organisation's name. */
export async function planItemsOf(
  db: Executor,
  tenantId: string,
  planIds: readonly string[],
): Promise<PlanItemRow[]> {
  if (planIds.length === 0) return [];
  return planItemsWithNames(db)
    .where('pi.tenant_id', '=', tenantId)
    .where('pi.plan_id', 'in', planIds)
    .orderBy('pi.plan_id')
    .orderBy('pi.position')
    .execute();
}

/** Of the given organisation ids, those that are not active organisations of the tenant. */
export function inactiveOrganizations(
  db: Executor,
  tenantId: string,
  organizationIds: readonly string[],
): Promise<Set<string>> {
  return unknownIds(db, { table: 'organizations', tenantId, ids: organizationIds, activeOnly: true });
}

/** Of the given resource ids, those that are not resources of the tenant's directory. */
export function unknownResources(
  db: Executor,
  tenantId: string,
  resourceIds: readonly string[],
): Promise<Set<string>> {
  return unknownIds(db, { table: 'resources', tenantId, ids: resourceIds });
}

/** Of the given programme ids, those that are not programmes of the tenant. */
export function unknownProgrammes(
  db: Executor,
  tenantId: string,
  programmeIds: readonly string[],
): Promise<Set<string>> {
  return unknownIds(db, { table: 'programmes', tenantId, ids: programmeIds });
}

/** Insert a new draft version of a case's plan with its items; returns the plan id. */
export async function insertDraft(
  tx: Transaction<DB>,
  values: { tenantId: string; caseId: string; createdBy: string; input: PlanInput },
): Promise<{ id: string; version: number }> {
  const last = await tx
    .selectFrom('support_plans')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('case_id', '=', values.caseId)
    .executeTakeFirst();
  const version = (last?.version ?? 0) + 1;
  const id = await insertNewRow(tx, 'support_plans', {
    tenant_id: values.tenantId,
    case_id: values.caseId,
    version,
    status: 'draft',
    wishes: values.input.wishes,
    long_term_goal: values.input.longTermGoal,
    short_term_goals: values.input.shortTermGoals,
    next_monitoring_on: values.input.nextMonitoringOn,
    created_by: values.createdBy,
  });
  await insertItems(tx, {
    tenantId: values.tenantId,
    caseId: values.caseId,
    planId: id,
    input: values.input,
  });
  return { id, version };
}

async function insertItems(
  tx: Transaction<DB>,
  values: { tenantId: string; caseId: string; planId: string; input: PlanInput },
): Promise<void> {
  await insertNewRows(
    tx,
    'plan_items',
    values.input.items.map((item, index) => ({
      tenant_id: values.tenantId,
      plan_id: values.planId,
      case_id: values.caseId,
      position: index + 1,
      content: item.content,
      organization_id: item.organizationId,
      frequency: item.frequency,
      period_from: item.periodFrom,
      period_to: item.periodTo,
      links: item.links,
      programme_id: item.programmeId ?? null,
      resource_id: item.resourceId ?? null,
    })),
  ).execute();
}

/** Replace a draft's fields and items (a draft's items have no reports: only approved items do). */
export async function updateDraft(
  tx: Transaction<DB>,
  values: { tenantId: string; caseId: string; planId: string; input: PlanInput },
): Promise<void> {
  await tx
    .updateTable('support_plans')
    .set({
      wishes: values.input.wishes,
      long_term_goal: values.input.longTermGoal,
      short_term_goals: values.input.shortTermGoals,
      next_monitoring_on: values.input.nextMonitoringOn,
    })
    .where('tenant_id', '=', values.tenantId)
    .where('id', '=', values.planId)
    .where('status', '=', 'draft')
    .execute();
  await tx.deleteFrom('plan_items').where('plan_id', '=', values.planId).execute();
  await insertItems(tx, values);
}

/** A meeting of the case, with its kind's name, for deciding a plan. */
export async function findCaseMeeting(db: Executor, tenantId: string, caseId: string, meetingId: string) {
  return meetingsWithKind(db)
    .select(['m.id', 'm.title', 'm.legal_basis', 'm.status', 'm.held_at', 'k.name as kind_name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.case_id', '=', caseId)
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
}

/** Whether an assessment (課題整理) of the case is on record. */
export async function hasAssessment(db: Executor, tenantId: string, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('assessments')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Make a draft the current plan: the previous current version becomes 'superseded'. */
export async function approvePlan(
  tx: Transaction<DB>,
  values: { tenantId: string; caseId: string; planId: string; meetingId: string; approvedBy: string },
): Promise<void> {
  await tx
    .updateTable('support_plans')
    .set({ status: 'superseded' })
    .where('tenant_id', '=', values.tenantId)
    .where('case_id', '=', values.caseId)
    .where('status', '=', 'approved')
    .execute();
  await tx
    .updateTable('support_plans')
    .set({
      status: 'approved',
      decided_meeting_id: values.meetingId,
      approved_at: now(),
      approved_by: values.approvedBy,
    })
    .where('tenant_id', '=', values.tenantId)
    .where('id', '=', values.planId)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// "My plan items"

export interface MyPlanItemRow extends PlanItemRow {
  plan_version: number;
  plan_approved_at: Date | null;
  case_number: string;
  family_name: string;
  given_name: string;
  last_reported_on: string | null;
}

/**
 * Items of the current (approved) plans of open cases the viewer may see, for which the viewer's
 * organisation is responsible, with the date of the latest report. Ordered by case number and
 * position; `after` is the (case number, position) of the last row of the previous page.
 */
export async function listMyPlanItems(
  db: Executor,
  viewer: Viewer,
  page: { limit: number; after?: { caseNumber: string; position: number } | undefined },
): Promise<MyPlanItemRow[]> {
  let query = myPlanItemsQuery(db, viewer);
  if (page.after) {
    const { caseNumber, position } = page.after;
    query = query.where((eb) =>
      eb.or([
        eb('c.case_number', '>', caseNumber),
        eb.and([eb('c.case_number', '=', caseNumber), eb('pi.position', '>', position)]),
      ]),
    );
  }
  return query.orderBy('c.case_number').orderBy('pi.position').limit(page.limit).execute();
}

/**
 * The viewer's organisation's current items that may have a report due by `horizon`: running today
 * and not reported on lately. A superset (a due date moves back over closed days); the caller
 * applies the rule (`reportStatus` in src/domain/dueDates.ts).
 */
export async function listMyReportDueItems(
  db: Executor,
  viewer: Viewer,
  today: string,
  horizon: string,
): Promise<MyPlanItemRow[]> {
  // A report made after this cannot be due by the horizon, even moved back over 年末年始 and a weekend.
  const cutoff = addDays(horizon, -REPORT_INTERVAL_DAYS + 10);
  return myPlanItemsQuery(db, viewer)
    .where(planItemRunsOn('pi', today))
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM support_reports due_sr
        WHERE due_sr.plan_item_id = pi.id AND due_sr.supported_on > ${cutoff})`,
    )
    .orderBy('c.case_number')
    .orderBy('pi.position')
    .limit(500)
    .execute();
}

function myPlanItemsQuery(db: Executor, viewer: Viewer) {
  return planItemsWithNames(db)
    .innerJoin('support_plans as sp', 'sp.id', 'pi.plan_id')
    .innerJoin('cases as c', 'c.id', 'pi.case_id')
    .innerJoin('persons as p', 'p.id', 'c.primary_person_id')
    .select([
      'sp.version as plan_version',
      'sp.approved_at as plan_approved_at',
      'c.case_number',
      ...personFullNameColumns,
      sql<string | null>`(SELECT max(last_sr.supported_on) FROM support_reports last_sr
        WHERE last_sr.plan_item_id = pi.id)`.as('last_reported_on'),
    ])
    .where('pi.tenant_id', '=', viewer.tenantId)
    .where('pi.organization_id', '=', viewer.organizationId)
    .where('sp.status', '=', 'approved')
    .where('c.stage', 'not in', ['closed', 'suspended'])
    .where(caseVisible(viewer, 'c.id'));
}

/** Calendar arithmetic on 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** When a plan item of the viewer's organisation runs and was last reported on (src/domain/dueDates.ts). */
export function reportScheduleOf(
  item: Pick<MyPlanItemRow, 'period_from' | 'period_to' | 'plan_approved_at' | 'last_reported_on'>,
  today: string,
): ReportSchedule {
  return {
    startedOn: item.period_from ?? (item.plan_approved_at ? toIsoDate(item.plan_approved_at) : today),
    endsOn: item.period_to,
    lastReportedOn: item.last_reported_on,
  };
}

/** The links column as the contract types it. */
export function linksOf(item: { links: string[] }): PlanLink[] {
  return item.links.filter((l): l is PlanLink => l === 'participationSupport' || l === 'outreach');
}
