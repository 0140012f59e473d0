import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { now } from '../domain/clock.ts';
import { formatWareki } from '../domain/wareki.ts';
import { caseVisible, consultationVisible, type Viewer } from './access.ts';
import { recordCaseEvent } from './caseEvents.ts';
import { nextCaseNumber } from './caseNumbers.ts';
import {
  type ConsultationSending,
  pendingSendingColumns,
  type SentConsultationRow,
  sentConsultationColumns,
} from './consultations.ts';
import type { Executor } from './executor.ts';
import { pastCursor } from './keyset.ts';
import { addParticipant } from './participants.ts';
import type { DB, HandoverTable } from './schema.ts';

export interface HandoverRow extends SentConsultationRow {
  reason: string;
  services_tried: string;
  status: HandoverTable['status'];
  return_reason: string | null;
  case_id: string | null;
  /** The case number, only when the viewer may see the case. */
  case_number: string | null;
}

function handoverQuery(db: Executor, viewer: Viewer) {
  return db
    .selectFrom('handovers as h')
    .innerJoin('organizations as fo', 'fo.id', 'h.from_organization_id')
    .innerJoin('organizations as tor', 'tor.id', 'h.to_organization_id')
    .leftJoin('cases as k', 'k.id', 'h.case_id')
    .select([
      ...sentConsultationColumns('h'),
      'h.reason',
      'h.services_tried',
      'h.status',
      'h.return_reason',
      'h.case_id',
      sql<string | null>`CASE WHEN h.case_id IS NOT NULL AND ${caseVisible(viewer, 'h.case_id')}
        THEN k.case_number END`.as('case_number'),
    ])
    .where('h.tenant_id', '=', viewer.tenantId);
}

export async function insertHandover(
  tx: Transaction<DB>,
  handover: ConsultationSending & { reason: string; servicesTried: string },
): Promise<string> {
  const columns = pendingSendingColumns(handover);
  await tx
    .insertInto('handovers')
    .values({ ...columns, reason: handover.reason, services_tried: handover.servicesTried })
    .execute();
  return columns.id;
}

/** The active coordinating section (重層事業担当部署) of the municipality, if one is set. */
export async function findCoordinatingSection(
  db: Executor,
  tenantId: string,
): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('is_coordinating_section', '=', true)
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
}

/**
 * A handover addressed to the viewer's organisation, locked for a decision. Anyone else gets
 * undefined (404): only the section it was sent to decides.
 */
export async function findHandoverForRecipient(
  tx: Transaction<DB>,
  viewer: Viewer,
  id: string,
): Promise<HandoverRow | undefined> {
  return handoverQuery(tx, viewer)
    .where('h.id', '=', id)
    .where('h.to_organization_id', '=', viewer.organizationId)
    .forUpdate(['h'])
    .executeTakeFirst();
}

/** Handovers of these consultations, newest first (callers have checked the consultations' visibility). */
export async function handoversOf(
  db: Executor,
  viewer: Viewer,
  consultationIds: readonly string[],
): Promise<HandoverRow[]> {
  if (consultationIds.length === 0) return [];
  return handoverQuery(db, viewer)
    .where('h.consultation_id', 'in', [...new Set(consultationIds)])
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
}

export interface HandoverListOptions {
  /** inbox: addressed to my organisation (the coordinating section); sent: sent by it (a counter). */
  box: 'inbox' | 'sent';
  status?: HandoverTable['status'] | undefined;
  limit: number;
  /** [rank, created_key, id] of the last row of the previous page. */
  after?: readonly [number, string, string] | undefined;
  /** Count other persons with the same reading and birth date (coordinator only). */
  withDuplicates: boolean;
}

export type HandoverListRow = HandoverRow & { rank: number; possible_duplicates: string | number | null };

/**
 * The coordinating section's inbox: pending handovers first, oldest first (handovers_to_idx), then
 * the decided ones, newest first (handovers_to_recent_idx). For a counter, the handovers it sent,
 * newest first (handovers_from_idx). Each part is walked in order under its own LIMIT, so a page
 * costs a few dozen rows; the page is then loaded in bulk, with the consultation's visibility
 * predicate, and — for the coordinator — the count of possible duplicates of its person.
 */
export async function listHandovers(
  db: Executor,
  viewer: Viewer,
  options: HandoverListOptions,
): Promise<HandoverListRow[]> {
  const { box, status, limit, after } = options;
  const inbox = box === 'inbox';
  /** rank 0: pending, oldest first (inbox) or everything, newest first (sent); rank 1: decided, newest first. */
  const part = (rank: 0 | 1) => {
    const oldestFirst = inbox && rank === 0;
    let query = db
      .selectFrom('handovers as h')
      .select([
        'h.id',
        'h.created_at',
        sql<string>`h.created_at::text`.as('created_key'),
        sql.lit(rank).as('rank'),
      ])
      .where('h.tenant_id', '=', viewer.tenantId)
      .where(inbox ? 'h.to_organization_id' : 'h.from_organization_id', '=', viewer.organizationId);
    if (inbox) {
      query =
        rank === 0
          ? query.where('h.status', '=', 'pending')
          : query.where('h.status', status ? '=' : '!=', status ?? 'pending');
    } else if (status) {
      query = query.where('h.status', '=', status);
    }
    const direction = oldestFirst ? 'asc' : 'desc';
    if (after && after[0] === rank) {
      const [, createdKey, id] = after;
      query = query.where(pastCursor('h.created_at', 'h.id', { at: createdKey, id }, direction));
    }
    return db
      .selectFrom(
        query
          .orderBy('h.created_at', direction)
          .orderBy('h.id', direction)
          .limit(limit + 1)
          .as(`part${rank}`),
      )
      .selectAll();
  };
  const ranks: (0 | 1)[] = !inbox
    ? [0]
    : status === 'pending'
      ? [0]
      : status
        ? [1]
        : after?.[0] === 1
          ? [1]
          : [0, 1];
  const parts = ranks.map(part);
  const [first, second] = parts;
  if (!first) return [];
  const page = await (second
    ? db
        .selectFrom(first.unionAll(second).as('page'))
        .selectAll()
        .limit(limit + 1)
    : first
  ).execute();
  if (page.length === 0) return [];

  const duplicates = options.withDuplicates
    ? sql<number | null>`(SELECT count(*) FROM persons d
        WHERE d.tenant_id = p.tenant_id AND d.kana_key = p.kana_key AND d.birth_date = p.birth_date
          AND d.id <> p.id)`
    : sql<number | null>`NULL`;
  const rows = await handoverQuery(db, viewer)
    .innerJoin('consultations as c', 'c.id', 'h.consultation_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select(duplicates.as('possible_duplicates'))
    .where(
      'h.id',
      'in',
      page.map((row) => row.id),
    )
    .where(consultationVisible(viewer, 'c.id', 'c.organization_id'))
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return page.flatMap((entry) => {
    const row = byId.get(entry.id);
    return row ? [{ ...row, rank: Number(entry.rank) }] : [];
  });
}

export async function decideHandover(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  decision: {
    status: 'accepted' | 'returned';
    decidedBy: string;
    returnReason: string | null;
    caseId: string | null;
  },
): Promise<void> {
  await tx
    .updateTable('handovers')
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decided_at: now(),
      return_reason: decision.returnReason,
      case_id: decision.caseId,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/**
 * Accepting a handover opens a case (事例) on the consultation's household: the person is its
 * target, the other household members are recorded too; the intake counter and the coordinating
 * section take part in it; the timeline starts with `caseAccepted`.
 */
export async function createCaseFromHandover(
  tx: Transaction<DB>,
  input: {
    tenantId: string;
    handover: HandoverRow;
    consultation: { id: string; person_id: string; household_id: string; received_on: string };
    acceptedOn: string;
    actor: { userId: string; organizationId: string };
  },
): Promise<{ caseId: string; caseNumber: string }> {
  const { tenantId, handover, consultation, acceptedOn, actor } = input;
  const caseId = randomUUID();
  const caseNumber = await nextCaseNumber(tx, tenantId, acceptedOn);
  await tx
    .insertInto('cases')
    .values({
      id: caseId,
      tenant_id: tenantId,
      case_number: caseNumber,
      household_id: consultation.household_id,
      primary_person_id: consultation.person_id,
      stage: 'accepted',
      coordinating_organization_id: handover.to_organization_id,
      accepted_on: acceptedOn,
    })
    .execute();
  const members = await tx
    .selectFrom('household_members')
    .select('person_id')
    .where('tenant_id', '=', tenantId)
    .where('household_id', '=', consultation.household_id)
    .execute();
  const personIds = new Set([consultation.person_id, ...members.map((m) => m.person_id)]);
  await tx
    .insertInto('case_persons')
    .values(
      [...personIds].map((personId) => ({
        case_id: caseId,
        person_id: personId,
        tenant_id: tenantId,
        is_target: personId === consultation.person_id,
      })),
    )
    .execute();
  const base = { tenant_id: tenantId, case_id: caseId, scope: 'case' as const, source_id: handover.id };
  await addParticipant(tx, {
    ...base,
    organization_id: handover.from_organization_id,
    basis: 'intake',
    legal_basis: 'intake',
  });
  await addParticipant(tx, {
    ...base,
    organization_id: handover.to_organization_id,
    basis: 'coordinator',
    legal_basis: 'coordination',
  });
  await recordCaseEvent(tx, {
    tenantId,
    caseId,
    kind: 'caseAccepted',
    actor,
    subjectId: handover.id,
    summary: `${handover.from_organization_name}からの引継ぎを受理し、事例 ${caseNumber} として支援を開始しました（相談受付日 ${formatWareki(consultation.received_on)}）。`,
    details: {
      handoverId: handover.id,
      consultationId: consultation.id,
      fromOrganizationId: handover.from_organization_id,
      caseNumber,
    },
  });
  return { caseId, caseNumber };
}
