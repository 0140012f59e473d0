import { randomUUID } from 'node:crypto';
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { ConsultationFilter } from '../contract/consultationFilter.ts';
import { now } from '../domain/clock.ts';
import { consultationVisible, type Viewer } from './access.ts';
import type { Executor } from './executor.ts';
import { addHouseholdMembers } from './households.ts';
import { insertNewRow } from './newRow.ts';
import { eldestFirst, householdMembersWithPerson } from './persons.ts';
import type { ConsultationOutcome, ConsultationStatus, DB, Visitor } from './schema.ts';

export interface ConsultationSummaryRow {
  id: string;
  received_on: string;
  organization_id: string;
  organization_name: string;
  person_id: string;
  channel: string;
  topics: string[];
  main_topic: string;
  outcome: ConsultationOutcome;
  status: ConsultationStatus;
  consent_to_share: boolean;
}

export interface ConsultationRow extends ConsultationSummaryRow {
  received_by: string;
  received_by_name: string;
  household_id: string;
  visitor: Visitor | null | string;
  content: string;
  wishes: string | null;
  closed_at: Date | null;
  close_note: string | null;
}

/** Consultations (`c`) with the organisation that took each: what every list of them starts from. */
export function consultationsWithOrganization(db: Executor) {
  return db
    .selectFrom('consultations as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['c.id', 'c.received_on', 'c.organization_id', 'o.name as organization_name']);
}

function summaryQuery(db: Executor, viewer: Viewer) {
  return consultationsWithOrganization(db)
    .select([
      'c.person_id',
      'c.channel',
      'c.topics',
      'c.main_topic',
      'c.outcome',
      'c.status',
      'c.consent_to_share',
    ])
    .where('c.tenant_id', '=', viewer.tenantId)
    .where('c.disposed_at', 'is', null) // a disposed consultation is an anonymous row for the statistics only
    .where(consultationVisible(viewer, 'c.id', 'c.organization_id'));
}

/** The id and person of a consultation the viewer may see (consultationVisible), or undefined. */
export async function findVisibleConsultationPerson(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<{ id: string; person_id: string } | undefined> {
  return db
    .selectFrom('consultations as c')
    .select(['c.id', 'c.person_id'])
    .where('c.tenant_id', '=', viewer.tenantId)
    .where('c.id', '=', id)
    .where(consultationVisible(viewer, 'c.id', 'c.organization_id'))
    .executeTakeFirst();
}

/** One consultation, if the viewer may see it (consultationVisible in the WHERE). */
export async function findVisibleConsultation(
  db: Executor,
  viewer: Viewer,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ConsultationRow | undefined> {
  const query = summaryQuery(db, viewer)
    .innerJoin('users as u', 'u.id', 'c.received_by')
    .select([
      'c.received_by',
      'u.display_name as received_by_name',
      'c.household_id',
      'c.visitor',
      'c.content',
      'c.wishes',
      'c.closed_at',
      'c.close_note',
    ])
    .where('c.id', '=', id);
  return (options.forUpdate ? query.forUpdate(['c']) : query).executeTakeFirst();
}

/** A consultation sent on by one organisation to another: a handover (引継ぎ) or a referral (つなぎ). */
export interface SentConsultationRow {
  id: string;
  consultation_id: string;
  from_organization_id: string;
  from_organization_name: string;
  to_organization_id: string;
  to_organization_name: string;
  created_at: Date;
  /** created_at as PostgreSQL prints it (microseconds kept), for keyset cursors. */
  created_key: string;
  decided_at: Date | null;
}

/**
 * The columns of {@link SentConsultationRow}, from handovers (`h`) or referrals (`r`) joined to the
 * sending organisation as `fo` and the receiving one as `tor`.
 */
export function sentConsultationColumns<Sent extends 'h' | 'r'>(sent: Sent) {
  return [
    `${sent}.id`,
    `${sent}.consultation_id`,
    `${sent}.from_organization_id`,
    'fo.name as from_organization_name',
    `${sent}.to_organization_id`,
    'tor.name as to_organization_name',
    `${sent}.created_at`,
    sql<string>`${sql.ref(`${sent}.created_at`)}::text`.as('created_key'),
    `${sent}.decided_at`,
  ] as const;
}

/** Who sends a consultation on, to whom. */
export interface ConsultationSending {
  tenantId: string;
  consultationId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
}

/** The columns a handover or a referral starts with: a new id, the parties, pending, sent now. */
export function pendingSendingColumns(sending: ConsultationSending) {
  return {
    id: randomUUID(),
    tenant_id: sending.tenantId,
    consultation_id: sending.consultationId,
    from_organization_id: sending.fromOrganizationId,
    to_organization_id: sending.toOrganizationId,
    status: 'pending' as const,
    created_at: now(),
  };
}

/**
 * The person a consultation is about (no visibility: for the audit event of a decision on a handover
 * or referral the caller already found).
 */
export async function consultationPersonId(db: Executor, id: string): Promise<string> {
  const row = await db
    .selectFrom('consultations')
    .select('person_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.person_id;
}

/** Summaries of the consultations among `ids` that the viewer may see, in bulk. */
export async function visibleConsultationSummaries(
  db: Executor,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Map<string, ConsultationSummaryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await summaryQuery(db, viewer)
    .where('c.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export interface ConsultationListOptions {
  filter: ConsultationFilter;
  limit: number;
  /** [received_on, id] of the last row of the previous page. */
  after?: readonly [string, string] | undefined;
}

/** The conditions of the 相談一覧 filter on a consultations row aliased `alias`. */
function consultationFilterConditions(alias: string, filter: ConsultationFilter): RawBuilder<boolean>[] {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.status) conditions.push(sql<boolean>`${column('status')} = ${filter.status}`);
  if (filter.from) conditions.push(sql<boolean>`${column('received_on')} >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql<boolean>`${column('received_on')} <= ${filter.to}::date`);
  if (filter.organizationId)
    conditions.push(sql<boolean>`${column('organization_id')} = ${filter.organizationId}::uuid`);
  if (filter.channel) conditions.push(sql<boolean>`${column('channel')} = ${filter.channel}`);
  if (filter.topic) conditions.push(sql<boolean>`${filter.topic} = ANY(${column('topics')})`);
  if (filter.outcome) conditions.push(sql<boolean>`${column('outcome')} = ${filter.outcome}`);
  return conditions;
}

/**
 * The consultations my organisation took plus those referred to it (pending or accepted), newest
 * first. Each source is walked in order under its own LIMIT — the counter's own consultations along
 * consultations_org_idx, the referrals addressed to it along referrals_to_idx — so a page costs a few
 * dozen rows however many consultations the counter has taken over the years. The page is then
 * loaded with the visibility predicate like every other read. The filter narrows both sources the
 * same way (a counter filter naming another organisation leaves only what it referred to us).
 */
export async function listConsultations(
  db: Executor,
  viewer: Viewer,
  options: ConsultationListOptions,
): Promise<ConsultationSummaryRow[]> {
  const { after, filter, limit } = options;
  let own = db
    .selectFrom('consultations as own')
    .select(['own.id', 'own.received_on'])
    .where('own.tenant_id', '=', viewer.tenantId)
    .where('own.organization_id', '=', viewer.organizationId)
    .where('own.disposed_at', 'is', null);
  for (const condition of consultationFilterConditions('own', filter)) own = own.where(condition);
  if (after)
    own = own.where(sql<boolean>`(own.received_on, own.id) < (${after[0]}::date, ${after[1]}::uuid)`);
  let referred = db
    .selectFrom('referrals as r')
    .innerJoin('consultations as rc', 'rc.id', 'r.consultation_id')
    .select(['rc.id', 'rc.received_on'])
    .where('r.tenant_id', '=', viewer.tenantId)
    .where('r.to_organization_id', '=', viewer.organizationId)
    .where('r.status', 'in', ['pending', 'accepted'])
    .where('rc.disposed_at', 'is', null);
  for (const condition of consultationFilterConditions('rc', filter)) referred = referred.where(condition);
  if (after)
    referred = referred.where(sql<boolean>`(rc.received_on, rc.id) < (${after[0]}::date, ${after[1]}::uuid)`);
  const ownPage = db
    .selectFrom(
      own
        .orderBy('own.received_on', 'desc')
        .orderBy('own.id', 'desc')
        .limit(limit + 1)
        .as('own_page'),
    )
    .selectAll();
  const referredPage = db
    .selectFrom(
      referred
        .orderBy('rc.received_on', 'desc')
        .orderBy('rc.id', 'desc')
        .limit(limit + 1)
        .as('referred_page'),
    )
    .selectAll();
  const page = db
    .selectFrom(ownPage.union(referredPage).as('page'))
    .select('page.id')
    .orderBy('page.received_on', 'desc')
    .orderBy('page.id', 'desc')
    .limit(limit + 1);

  return summaryQuery(db, viewer)
    .where('c.id', 'in', page)
    .orderBy('c.received_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function insertHousehold(tx: Transaction<DB>, tenantId: string): Promise<string> {
  return insertNewRow(tx, 'households', { tenant_id: tenantId });
}

/**
 * Add the members a consultation names to its household; the person it is about (本人) is the one
 * supported. A person already in the household (a later consultation joining it) keeps their row.
 */
export async function insertHouseholdMembers(
  tx: Transaction<DB>,
  tenantId: string,
  householdId: string,
  members: { personId: string; relation: string; livingTogether: boolean }[],
): Promise<void> {
  await addHouseholdMembers(
    tx,
    tenantId,
    householdId,
    members.map((member) => ({ ...member, supported: member.relation === 'self' })),
  );
}

/** The other members of a household with their relation to the person, eldest first. */
export async function householdMembersOf(
  db: Executor,
  tenantId: string,
  householdId: string,
  exceptPersonId: string,
): Promise<{ person_id: string; relation: string; living_together: boolean }[]> {
  return householdMembersWithPerson(db)
    .select(['hm.person_id', 'hm.relation', 'hm.living_together'])
    .where('hm.tenant_id', '=', tenantId)
    .where('hm.household_id', '=', householdId)
    .where('hm.person_id', '!=', exceptPersonId)
    .orderBy(eldestFirst)
    .orderBy('hm.person_id')
    .execute();
}

export interface NewConsultation {
  id: string;
  tenantId: string;
  organizationId: string;
  receivedOn: string;
  receivedBy: string;
  personId: string;
  householdId: string;
  visitor: Visitor | null;
  channel: string;
  topics: string[];
  mainTopic: string;
  content: string;
  wishes: string | null;
  consentToShare: boolean;
  outcome: ConsultationOutcome;
  status: ConsultationStatus;
}

export async function insertConsultation(tx: Transaction<DB>, c: NewConsultation): Promise<void> {
  await tx
    .insertInto('consultations')
    .values({
      id: c.id,
      tenant_id: c.tenantId,
      organization_id: c.organizationId,
      received_on: c.receivedOn,
      received_by: c.receivedBy,
      person_id: c.personId,
      household_id: c.householdId,
      visitor: JSON.stringify(c.visitor),
      channel: c.channel,
      topics: c.topics,
      main_topic: c.mainTopic,
      content: c.content,
      wishes: c.wishes,
      consent_to_share: c.consentToShare,
      outcome: c.outcome,
      status: c.status,
    })
    .execute();
}

/**
 * A consultation's status after its outcome: handed over to the coordinating section, referred to
 * another agency, or still open at the counter that took it.
 */
export function statusAfterOutcome(outcome: ConsultationOutcome): ConsultationStatus {
  return outcome === 'handover' ? 'handedOver' : outcome === 'referral' ? 'referred' : 'open';
}

/** Mark an open consultation as sent on: its outcome, and the status that outcome gives it. */
export async function markConsultationSent(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  outcome: 'handover' | 'referral',
): Promise<void> {
  await setConsultationStatus(tx, tenantId, id, { status: statusAfterOutcome(outcome), outcome });
}

export async function setConsultationStatus(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  values: { status: ConsultationStatus; outcome?: ConsultationOutcome },
): Promise<void> {
  await tx
    .updateTable('consultations')
    .set(values)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function closeConsultation(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  values: { closedBy: string; note: string | null },
): Promise<void> {
  await tx
    .updateTable('consultations')
    .set({ status: 'closed', closed_at: now(), closed_by: values.closedBy, close_note: values.note })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}
