import { type ExpressionBuilder, type RawBuilder, type Selectable, sql } from 'kysely';
import type { AuditEventFilter } from '../contract/auditEvents.ts';
import { endOfTokyoDay, startOfTokyoDay } from '../domain/time.ts';
import { auditEventWhatColumns } from './auditTrail.ts';
import type { Executor } from './executor.ts';
import { escapeLike, personFullNameColumns } from './persons.ts';
import type { AuditEventTable, DB } from './schema.ts';

/** An audit event with its actor's name and organisation, as the auditor reads it. */
export interface AuditEventRow
  extends Pick<
    Selectable<AuditEventTable>,
    | 'seq'
    | 'id'
    | 'occurred_at'
    | 'actor_user_id'
    | 'actor_login_id'
    | 'actor_organization_id'
    | 'ip'
    | 'action'
    | 'resource_type'
    | 'resource_id'
    | 'person_id'
    | 'case_id'
    | 'legal_basis'
  > {
  actor_display_name: string | null;
  actor_organization_name: string | null;
  details: unknown;
  /** The person the event is about, resolved for the auditor; null when there is none or the row is gone. */
  person_family_name: string | null;
  person_given_name: string | null;
  /** The person's id if the row still exists (null once disposed, or when the event names none). */
  person_present: string | null;
  /** The case the event is about, resolved for the auditor; null when there is none or the row is gone. */
  case_number: string | null;
  /** The name of the resource when it is a user or an organisation (the person and case are above). */
  resource_name: string | null;
}

/**
 * The events of the tenant with the names an auditor reads: the actor and their organisation, the
 * person's name and the case number (the auditor has tenant-wide audit access, so these are resolved
 * whoever may see the case). LEFT JOINs: an event whose person, case or user is gone still shows.
 */
function baseQuery(db: Executor, tenantId: string) {
  return db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .leftJoin('organizations as o', 'o.id', 'e.actor_organization_id')
    .leftJoin('persons as ap', (join) =>
      join.onRef('ap.id', '=', 'e.person_id').onRef('ap.tenant_id', '=', 'e.tenant_id'),
    )
    .leftJoin('cases as ac', (join) =>
      join.onRef('ac.id', '=', 'e.case_id').onRef('ac.tenant_id', '=', 'e.tenant_id'),
    )
    .where('e.tenant_id', '=', tenantId);
}

type Eb = ExpressionBuilder<DB & { e: DB['audit_events'] }, 'e'>;

/** The auditor's filters as one WHERE, each served by an index of migration 0008. */
function filterOf(filter: AuditEventFilter) {
  return (eb: Eb) => {
    const parts = [];
    if (filter.userId) parts.push(eb('e.actor_user_id', '=', filter.userId));
    if (filter.organizationId) parts.push(eb('e.actor_organization_id', '=', filter.organizationId));
    if (filter.personId) parts.push(eb('e.person_id', '=', filter.personId));
    if (filter.caseId) parts.push(eb('e.case_id', '=', filter.caseId));
    if (filter.action?.length) parts.push(eb('e.action', 'in', filter.action));
    if (filter.from) parts.push(eb('e.occurred_at', '>=', startOfTokyoDay(filter.from)));
    if (filter.to) parts.push(eb('e.occurred_at', '<', endOfTokyoDay(filter.to)));
    return eb.and(parts);
  };
}

const columns = [
  'e.seq',
  'e.id',
  'e.occurred_at',
  'e.actor_user_id',
  'e.actor_login_id',
  'u.display_name as actor_display_name',
  'e.actor_organization_id',
  'o.name as actor_organization_name',
  ...auditEventWhatColumns,
  'ap.family_name as person_family_name',
  'ap.given_name as person_given_name',
  // a disposed person's events keep the id; the person row is gone (docs/retention.md)
  'ap.id as person_present',
  'ac.case_number',
  // a user's or an organisation's name when the event is about one (a resource_id that is not a
  // uuid, such as an operation id, matches nothing: compared as text)
  sql<string | null>`CASE e.resource_type
    WHEN 'user' THEN (SELECT ru.display_name FROM users ru WHERE ru.id::text = e.resource_id AND ru.tenant_id = e.tenant_id)
    WHEN 'organization' THEN (SELECT ro.name FROM organizations ro WHERE ro.id::text = e.resource_id AND ro.tenant_id = e.tenant_id)
    END`.as('resource_name'),
] as const;

/** One page of the tenant's audit events matching the filter, newest first (by seq), after `beforeSeq`. */
export async function listAuditEvents(
  db: Executor,
  tenantId: string,
  filter: AuditEventFilter,
  page: { limit: number; beforeSeq?: string },
): Promise<AuditEventRow[]> {
  let query = baseQuery(db, tenantId).select(columns).where(filterOf(filter));
  if (page.beforeSeq !== undefined) query = query.where('e.seq', '<', page.beforeSeq);
  return (await query.orderBy('e.seq', 'desc').limit(page.limit).execute()) as AuditEventRow[];
}

/** How many events match, to refuse an export too large before reading it. */
export async function countAuditEvents(
  db: Executor,
  tenantId: string,
  filter: AuditEventFilter,
  cap: number,
): Promise<number> {
  // counting stops at cap + 1: enough to know the export is too large, without scanning everything
  const row = await db
    .selectFrom(
      db
        .selectFrom('audit_events as e')
        .select('e.seq')
        .where('e.tenant_id', '=', tenantId)
        .where(filterOf(filter))
        .limit(cap + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Actions that are a look at a person's data (read, list, search, timeline, comparison, reveal of a
 * sensitive fact, print, export, disclosure). Matched by pattern so that look actions added later
 * (e.g. a `*.reveal`) count without a change here. Looking at the access log itself is left out.
 */
const lookAtData = sql<boolean>`(e.action ~ '\\.(read|list|search|timeline|compare|reveal)$'
  OR e.action IN ('print', 'export', 'person.disclosureExport'))`;

/**
 * Who has looked at this person: events about the person, or about a case they belong to, newest
 * first. Each is one row with the actor's name and organisation.
 */
export async function personAccessLog(
  db: Executor,
  tenantId: string,
  personId: string,
  page: { limit: number; beforeSeq?: string },
): Promise<AuditEventRow[]> {
  let query = baseQuery(db, tenantId)
    .select(columns)
    .where((eb) =>
      eb.or([
        eb('e.person_id', '=', personId),
        eb(
          'e.case_id',
          'in',
          eb
            .selectFrom('case_persons as cp')
            .select('cp.case_id')
            .where('cp.tenant_id', '=', tenantId)
            .where('cp.person_id', '=', personId),
        ),
      ]),
    )
    .where(lookAtData);
  if (page.beforeSeq !== undefined) query = query.where('e.seq', '<', page.beforeSeq);
  return (await query.orderBy('e.seq', 'desc').limit(page.limit).execute()) as AuditEventRow[];
}

/** A person or case an auditor may pick as a filter: only those the audit trail already names. */
export interface AuditSubjectRow {
  kind: 'person' | 'case';
  id: string;
  family_name: string | null;
  given_name: string | null;
  case_number: string | null;
}

/**
 * The persons and cases of the tenant that appear in the audit trail and match what was typed (氏名
 * by name_key, フリガナ, 事例番号), for the auditor's type-ahead filters. Nothing is returned that the
 * audit log would not show for the same events: a person's name, a case's number and the name of its
 * person — no address, birth date or case contents — and only for records the trail names.
 */
export async function searchAuditSubjects(
  db: Executor,
  tenantId: string,
  terms: { name: string; kana: string; caseNumber: string },
  limit: number,
): Promise<AuditSubjectRow[]> {
  const like = (value: string) => `%${escapeLike(value)}%`;
  // the persons whose name or reading contains the text, found once through the functions that
  // reach the trigram indexes under row-level security (migration 20261205_1901)
  const matching: RawBuilder<unknown>[] = [];
  if (terms.name) matching.push(sql`SELECT id FROM kasane_persons_by_name(${like(terms.name)})`);
  if (terms.kana) matching.push(sql`SELECT id FROM kasane_persons_by_kana(${like(terms.kana)})`);
  const personMatch = (alias: string) =>
    matching.length > 0
      ? sql<boolean>`${sql.ref(`${alias}.id`)} IN (${sql.join(matching, sql` UNION `)})`
      : sql<boolean>`false`;
  /** The tenant's audit events about the subject of the outer row (its id, by reference). */
  const eventsAbout = (column: 'e.person_id' | 'e.case_id', subject: 'p.id' | 'c.id') =>
    db
      .selectFrom('audit_events as e')
      .select('e.seq')
      .where('e.tenant_id', '=', tenantId)
      .where(column, '=', sql.ref<string>(subject));
  const persons = db
    .selectFrom('persons as p')
    .select([
      sql<'person'>`'person'`.as('kind'),
      'p.id',
      ...personFullNameColumns,
      sql<string | null>`NULL::text`.as('case_number'),
    ])
    .where('p.tenant_id', '=', tenantId)
    .where(personMatch('p'))
    .where(({ exists }) => exists(eventsAbout('e.person_id', 'p.id')))
    .orderBy('p.kana_key')
    .orderBy('p.id')
    .limit(limit);
  const cases = db
    .selectFrom('cases as c')
    .leftJoin('persons as cp', 'cp.id', 'c.primary_person_id')
    .select([sql<'case'>`'case'`.as('kind'), 'c.id', 'cp.family_name', 'cp.given_name', 'c.case_number'])
    .where('c.tenant_id', '=', tenantId)
    .where((eb) =>
      terms.caseNumber
        ? eb.or([eb('c.case_number', 'like', like(terms.caseNumber)), personMatch('cp')])
        : personMatch('cp'),
    )
    .where(({ exists }) => exists(eventsAbout('e.case_id', 'c.id')))
    .orderBy('c.case_number')
    .limit(limit);
  const personRows = await persons.execute();
  const caseRows = await cases.execute();
  return [...(personRows as AuditSubjectRow[]), ...(caseRows as AuditSubjectRow[])];
}

/** Kinds of record a refused request may have aimed at by its path's `:id` (see src/server/deniedAccess.ts). */
export type DeniedTargetKind =
  | 'case'
  | 'person'
  | 'consultation'
  | 'plan'
  | 'meeting'
  | 'handover'
  | 'placement'
  | 'consent'
  | 'sensitiveFact';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The case and person a refused request aimed at, for its `access.denied` event: the record named by
 * the path, or for a record inside a case (a plan, a meeting …) the case it belongs to and that
 * case's person. Looked up in the tenant only, whoever may see it — the result goes into the audit
 * trail, never into the refused answer. An id of another tenant, or not a uuid, finds nothing.
 */
export async function deniedTargetOf(
  db: Executor,
  tenantId: string,
  kind: DeniedTargetKind,
  id: string,
): Promise<{ caseId: string | null; personId: string | null }> {
  const none = { caseId: null, personId: null };
  if (!uuidPattern.test(id)) return none;
  const caseOf = async (caseId: string | null) => {
    if (!caseId) return none;
    const row = await db
      .selectFrom('cases')
      .select(['id', 'primary_person_id'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', caseId)
      .executeTakeFirst();
    return row ? { caseId: row.id, personId: row.primary_person_id } : none;
  };
  switch (kind) {
    case 'case':
      return caseOf(id);
    case 'person': {
      const row = await db
        .selectFrom('persons')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return { caseId: null, personId: row?.id ?? null };
    }
    case 'consultation': {
      const row = await db
        .selectFrom('consultations as c')
        .leftJoin('handovers as h', (join) =>
          join.onRef('h.consultation_id', '=', 'c.id').on('h.case_id', 'is not', null),
        )
        .select(['c.person_id', 'h.case_id'])
        .where('c.tenant_id', '=', tenantId)
        .where('c.id', '=', id)
        .executeTakeFirst();
      return row ? { caseId: row.case_id ?? null, personId: row.person_id } : none;
    }
    case 'handover': {
      const row = await db
        .selectFrom('handovers as h')
        .innerJoin('consultations as c', 'c.id', 'h.consultation_id')
        .select(['h.case_id', 'c.person_id'])
        .where('h.tenant_id', '=', tenantId)
        .where('h.id', '=', id)
        .executeTakeFirst();
      return row ? { caseId: row.case_id, personId: row.person_id } : none;
    }
    case 'plan':
    case 'meeting': {
      const table = kind === 'plan' ? 'support_plans' : 'meetings';
      const row = await db
        .selectFrom(table)
        .select('case_id')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return caseOf(row?.case_id ?? null);
    }
    case 'placement':
    case 'consent':
    case 'sensitiveFact': {
      const table = kind === 'placement' ? 'placements' : kind === 'consent' ? 'consents' : 'sensitive_facts';
      const row = await db
        .selectFrom(table)
        .select(['case_id', 'person_id'])
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { caseId: row.case_id, personId: row.person_id } : none;
    }
  }
}
