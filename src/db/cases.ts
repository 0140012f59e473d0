import { type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { CaseFilter } from '../contract/cases.ts';
import { contactEventKinds } from '../domain/caseSearch.ts';
import type { CaseStage } from '../domain/caseStage.ts';
import { now } from '../domain/clock.ts';
import { caseVisible, meetingVisible, type Viewer } from './access.ts';
import { caseFilterConditions } from './caseFilters.ts';
import type { Executor } from './executor.ts';
import { type KeysetCursor, pastCursor, sortKey } from './keyset.ts';
import { knownIds } from './knownIds.ts';
import { meetingsWithKind } from './meetings.ts';
import {
  type PersonNameRow,
  type PersonSummaryRow,
  personNameColumns,
  personSummaryColumns,
} from './persons.ts';
import type { CaseParticipantTable, CaseTable, DB, ParticipationBasis } from './schema.ts';

export type CaseRow = Selectable<CaseTable>;

/**
 * The case with this id if the viewer may see it (caseVisible in the WHERE), else undefined.
 * `forUpdate` locks the row so that changes to one case (stage, versions) run one after another.
 */
export async function findVisibleCase(
  tx: Executor,
  viewer: Viewer,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRow | undefined> {
  let query = tx
    .selectFrom('cases as c')
    .selectAll('c')
    .where('c.tenant_id', '=', viewer.tenantId)
    .where('c.id', '=', caseId)
    .where('c.disposed_at', 'is', null) // a disposed case is an anonymous row for the statistics only
    .where(caseVisible(viewer, 'c.id'));
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export interface CaseListRow extends PersonNameRow {
  id: string;
  case_number: string;
  stage: CaseStage;
  primary_person_id: string;
  accepted_on: string;
  next_monitoring_on: string | null;
  coordinating_organization_id: string;
  lead_organization_id: string | null;
  updated_at: Date;
  sort_at: string;
  coordinating_organization_name: string;
  lead_organization_name: string | null;
  assigned_user_id: string | null;
  assigned_user_name: string | null;
  household_flags: string[] | null;
  my_bases: ParticipationBasis[] | null;
}

/**
 * One page of the cases the viewer may see, newest change first (keyset on updated_at, id).
 * A single statement: the page is cut in a CTE over cases_list_idx with the visibility predicate,
 * then the person, organisation names and my participation are joined to those rows only (the latest
 * 世帯類型 is kept on the case, migration 20261205_2101).
 */
export async function listVisibleCases(
  db: Executor,
  viewer: Viewer,
  options: {
    filter: CaseFilter;
    today: string;
    userId: string;
    limit: number;
    cursor?: KeysetCursor;
  },
): Promise<CaseListRow[]> {
  const conditions = caseFilterConditions(options.filter, { userId: options.userId, today: options.today });
  const rows = await db
    .with('page', (qb) => {
      let page = qb
        .selectFrom('cases as c')
        .select([
          'c.id',
          'c.case_number',
          'c.stage',
          'c.primary_person_id',
          'c.accepted_on',
          'c.next_monitoring_on',
          'c.coordinating_organization_id',
          'c.lead_organization_id',
          'c.assigned_user_id',
          'c.assessed_household_flags as household_flags',
          'c.updated_at',
          sortKey('c.updated_at').as('sort_at'),
        ])
        .where('c.tenant_id', '=', viewer.tenantId)
        .where('c.disposed_at', 'is', null)
        .where(caseVisible(viewer, 'c.id'));
      for (const condition of conditions) page = page.where(condition);
      if (options.cursor) {
        page = page.where(pastCursor('c.updated_at', 'c.id', options.cursor));
      }
      return page
        .orderBy('c.updated_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(options.limit + 1);
    })
    .selectFrom('page')
    .innerJoin('persons as p', 'p.id', 'page.primary_person_id')
    .innerJoin('organizations as co', 'co.id', 'page.coordinating_organization_id')
    .leftJoin('organizations as lo', 'lo.id', 'page.lead_organization_id')
    .leftJoin('users as au', 'au.id', 'page.assigned_user_id')
    .selectAll('page')
    .select([
      ...personNameColumns,
      'co.name as coordinating_organization_name',
      'lo.name as lead_organization_name',
      'au.display_name as assigned_user_name',
      sql<ParticipationBasis[] | null>`(SELECT array_agg(DISTINCT cp.basis ORDER BY cp.basis)
        FROM case_participants cp
        WHERE cp.case_id = page.id AND cp.organization_id = ${viewer.organizationId} AND cp.scope = 'case')`.as(
        'my_bases',
      ),
    ])
    .orderBy('page.updated_at', 'desc')
    .orderBy('page.id', 'desc')
    .execute();
  return rows as CaseListRow[];
}

/**
 * The day (Asia/Tokyo) of each case's latest contact with the person or household — the timeline
 * entries that 「N日以上記録なし」 looks at (contactEventKinds) — for cases the caller already found
 * visible. A case without any such entry is absent from the map.
 */
export async function latestContactDays(
  db: Executor,
  tenantId: string,
  caseIds: readonly string[],
): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('case_events as ce')
    .select([
      'ce.case_id',
      sql<string>`to_char(max(ce.occurred_at) AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD')`.as('day'),
    ])
    .where('ce.tenant_id', '=', tenantId)
    .where('ce.case_id', 'in', [...caseIds])
    .where('ce.kind', 'in', [...contactEventKinds])
    .groupBy('ce.case_id')
    .execute();
  return new Map(rows.map((row) => [row.case_id, row.day]));
}

/** The distinct bases on which the viewer's organisation takes part in the case with case scope. */
export async function myParticipation(
  db: Executor,
  viewer: Viewer,
  caseId: string,
): Promise<ParticipationBasis[]> {
  const rows = await db
    .selectFrom('case_participants')
    .select('basis')
    .distinct()
    .where('tenant_id', '=', viewer.tenantId)
    .where('case_id', '=', caseId)
    .where('organization_id', '=', viewer.organizationId)
    .where('scope', '=', 'case')
    .orderBy('basis')
    .execute();
  return rows.map((r) => r.basis);
}

export interface CasePersonRow extends PersonSummaryRow {
  relation: string | null;
  living_together: boolean | null;
  is_target: boolean | null;
}

/** The persons of a case: its target persons and the members of its household, primary first. */
export async function casePersons(db: Executor, kase: CaseRow): Promise<CasePersonRow[]> {
  const rows = await db
    .selectFrom('persons as p')
    .leftJoin('household_members as hm', (join) =>
      join.onRef('hm.person_id', '=', 'p.id').on('hm.household_id', '=', kase.household_id),
    )
    .leftJoin('case_persons as cp', (join) =>
      join.onRef('cp.person_id', '=', 'p.id').on('cp.case_id', '=', kase.id),
    )
    .select([...personSummaryColumns, 'hm.relation', 'hm.living_together', 'cp.is_target'])
    .where('p.tenant_id', '=', kase.tenant_id)
    .where((eb) =>
      eb.or([
        eb(
          'p.id',
          'in',
          eb
            .selectFrom('household_members')
            .select('person_id')
            .where('household_id', '=', kase.household_id),
        ),
        eb('p.id', 'in', eb.selectFrom('case_persons').select('person_id').where('case_id', '=', kase.id)),
      ]),
    )
    .orderBy('p.family_name_kana')
    .orderBy('p.given_name_kana')
    .execute();
  return rows.sort(
    (a, b) => Number(b.id === kase.primary_person_id) - Number(a.id === kase.primary_person_id),
  );
}

/** Whether the person belongs to the case (a target person or a member of its household). */
export async function personBelongsToCase(db: Executor, kase: CaseRow, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('persons as p')
    .select('p.id')
    .where('p.tenant_id', '=', kase.tenant_id)
    .where('p.id', '=', personId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('case_persons as cp')
            .select('cp.person_id')
            .where('cp.case_id', '=', kase.id)
            .whereRef('cp.person_id', '=', 'p.id'),
        ),
        eb.exists(
          eb
            .selectFrom('household_members as hm')
            .select('hm.person_id')
            .where('hm.household_id', '=', kase.household_id)
            .whereRef('hm.person_id', '=', 'p.id'),
        ),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** The consultation a case came from and the handover that brought it to the coordinating section. */
export async function caseOrigin(db: Executor, kase: CaseRow) {
  return db
    .selectFrom('handovers as h')
    .innerJoin('consultations as c', 'c.id', 'h.consultation_id')
    .select([
      'h.id as handover_id',
      'h.from_organization_id',
      'h.reason',
      'h.services_tried',
      'h.decided_at',
      'c.id as consultation_id',
      'c.received_on',
      'c.organization_id as consultation_organization_id',
      'c.channel',
      'c.topics',
      'c.main_topic',
      'c.content',
      'c.wishes',
      'c.consent_to_share',
    ])
    .where('h.tenant_id', '=', kase.tenant_id)
    .where('h.case_id', '=', kase.id)
    .orderBy('h.created_at')
    .limit(1)
    .executeTakeFirst();
}

/** The organisations that take part in the case, on what basis, scope and legal ground. */
export async function caseParticipants(
  db: Executor,
  kase: CaseRow,
): Promise<
  Pick<CaseParticipantTable, 'organization_id' | 'basis' | 'scope' | 'legal_basis' | 'meeting_id'>[]
> {
  return db
    .selectFrom('case_participants')
    .select(['organization_id', 'basis', 'scope', 'legal_basis', 'meeting_id'])
    .where('tenant_id', '=', kase.tenant_id)
    .where('case_id', '=', kase.id)
    .orderBy('created_at')
    .execute();
}

/** The meetings of a case the viewer may see, newest first, with the viewer's own invitation. */
export async function visibleMeetingsOfCase(db: Executor, viewer: Viewer, caseId: string) {
  return meetingsWithKind(db)
    .leftJoin('meeting_invitations as mine', (join) =>
      join.onRef('mine.meeting_id', '=', 'm.id').on('mine.organization_id', '=', viewer.organizationId),
    )
    .select([
      'm.id',
      'm.title',
      'm.legal_basis',
      'm.status',
      'm.scheduled_at',
      'm.held_at',
      'k.id as kind_id',
      'k.code as kind_code',
      'k.name as kind_name',
      'mine.id as invitation_id',
      'mine.acknowledged_at',
      'mine.attended',
    ])
    .where('m.tenant_id', '=', viewer.tenantId)
    .where('m.case_id', '=', caseId)
    .where(meetingVisible(viewer, 'm.id', 'm.case_id'))
    .orderBy('m.scheduled_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
}

export interface CaseEventListRow {
  id: string;
  occurred_at: Date;
  recorded_at: Date;
  sort_at: string;
  kind: string;
  summary: string;
  subject_id: string | null;
  details: unknown;
  actor_user_id: string | null;
  actor_user_name: string | null;
  actor_organization_id: string | null;
  actor_organization_name: string | null;
}

/** One page of a visible case's timeline, newest first (keyset on occurred_at, id). */
export async function listCaseEvents(
  db: Executor,
  viewer: Viewer,
  caseId: string,
  options: { limit: number; cursor?: KeysetCursor },
): Promise<CaseEventListRow[]> {
  let query = db
    .selectFrom('case_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .leftJoin('organizations as o', 'o.id', 'e.actor_organization_id')
    .select([
      'e.id',
      'e.occurred_at',
      'e.recorded_at',
      sortKey('e.occurred_at').as('sort_at'),
      'e.kind',
      'e.summary',
      'e.subject_id',
      'e.details',
      'e.actor_user_id',
      'u.display_name as actor_user_name',
      'e.actor_organization_id',
      'o.name as actor_organization_name',
    ])
    .where('e.tenant_id', '=', viewer.tenantId)
    .where('e.case_id', '=', caseId)
    .where(caseVisible(viewer, 'e.case_id'));
  if (options.cursor) {
    query = query.where(pastCursor('e.occurred_at', 'e.id', options.cursor));
  }
  return query
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(options.limit + 1)
    .execute();
}

/** The tables whose rows are presented by a name, and the column that holds it. */
const nameColumns = { organizations: 'name', users: 'display_name' } as const;

/** The names of rows of one of those tables of the tenant, by id (bulk; empty ids are skipped). */
async function namesById(
  db: Executor,
  table: keyof typeof nameColumns,
  tenantId: string,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom(table)
    .select(['id', sql.ref<string>(nameColumns[table]).as('name')])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Names of organisations of the tenant, by id (bulk, for presenting). */
export function organizationNames(
  db: Executor,
  tenantId: string,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, string>> {
  return namesById(db, 'organizations', tenantId, ids);
}

/** Display names of users of the tenant, by id (bulk, for presenting). */
export function userNames(
  db: Executor,
  tenantId: string,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, string>> {
  return namesById(db, 'users', tenantId, ids);
}

/**
 * The organisations of the tenant among these ids (to check ids sent in a body); disabled ones
 * only when `includeDisabled`.
 */
export function knownOrganizationIds(
  db: Executor,
  tenantId: string,
  ids: readonly string[],
  options: { includeDisabled?: boolean } = {},
): Promise<Set<string>> {
  return knownIds(db, { table: 'organizations', tenantId, ids, activeOnly: !options.includeDisabled });
}

/** Change columns of the case and mark it as changed (the case list is ordered by its latest change). */
async function changeCase(tx: Transaction<DB>, kase: CaseRow, changes: Updateable<CaseTable>): Promise<void> {
  await tx
    .updateTable('cases')
    .set({ ...changes, updated_at: now() })
    .where('tenant_id', '=', kase.tenant_id)
    .where('id', '=', kase.id)
    .execute();
}

/** Store the closure of a case (the stage itself changes only through advanceCase). */
export async function recordClosure(
  tx: Transaction<DB>,
  kase: CaseRow,
  closure: { closedOn: string; reason: string; evaluation: string; leadOrganizationId: string | null },
): Promise<void> {
  await changeCase(tx, kase, {
    closed_on: closure.closedOn,
    closure_reason: closure.reason,
    closure_evaluation: closure.evaluation,
    ...(closure.leadOrganizationId ? { lead_organization_id: closure.leadOrganizationId } : {}),
  });
}

/** Clear the closure fields when a case is reopened (the timeline keeps what they were). */
export async function clearClosure(tx: Transaction<DB>, kase: CaseRow): Promise<void> {
  await changeCase(tx, kase, { closed_on: null, closure_reason: null, closure_evaluation: null });
}

/** Mark the case as changed (the case list is ordered by its latest change). */
export async function touchCase(tx: Transaction<DB>, kase: CaseRow): Promise<void> {
  await changeCase(tx, kase, {});
}
