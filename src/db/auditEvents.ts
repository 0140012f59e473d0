import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import type { AuditEventFilter } from '../contract/auditEvents.ts';
import type { DB } from './schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** An audit event with its actor's name and organisation, as the auditor reads it. */
export interface AuditEventRow {
  seq: string;
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_login_id: string | null;
  actor_display_name: string | null;
  actor_organization_id: string | null;
  actor_organization_name: string | null;
  ip: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  person_id: string | null;
  case_id: string | null;
  legal_basis: string | null;
  details: unknown;
  /** The person's id if the row still exists (null once disposed, or when the event names no person). */
  person_present: string | null;
}

/** Start of a calendar day in Asia/Tokyo (Japan has no daylight saving time). */
export function startOfTokyoDay(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

/** Start of the Tokyo day after `date`: the exclusive end of a period that runs through `date`. */
export function endOfTokyoDay(date: string): Date {
  return new Date(startOfTokyoDay(date).getTime() + 24 * 60 * 60 * 1000);
}

function baseQuery(db: Executor, tenantId: string) {
  return (
    db
      .selectFrom('audit_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_user_id')
      .leftJoin('organizations as o', 'o.id', 'e.actor_organization_id')
      // a disposed person's events keep the id; the person row is gone (docs/retention.md)
      .leftJoin('persons as ep', 'ep.id', 'e.person_id')
      .where('e.tenant_id', '=', tenantId)
  );
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
  'e.ip',
  'e.action',
  'e.resource_type',
  'e.resource_id',
  'e.person_id',
  'e.case_id',
  'e.legal_basis',
  'e.details',
  'ep.id as person_present',
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
