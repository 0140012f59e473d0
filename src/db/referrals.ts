import type { Transaction } from 'kysely';
import { now } from '../domain/clock.ts';
import { consultationVisible, type Viewer } from './access.ts';
import {
  type ConsultationSending,
  pendingSendingColumns,
  type SentConsultationRow,
  sentConsultationColumns,
} from './consultations.ts';
import type { Executor } from './executor.ts';
import { pastCursor } from './keyset.ts';
import type { DB, ReferralTable } from './schema.ts';

export interface ReferralRow extends SentConsultationRow {
  note: string | null;
  legal_basis: ReferralTable['legal_basis'];
  status: ReferralTable['status'];
  decline_reason: string | null;
}

function referralQuery(db: Executor) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('organizations as fo', 'fo.id', 'r.from_organization_id')
    .innerJoin('organizations as tor', 'tor.id', 'r.to_organization_id')
    .select([...sentConsultationColumns('r'), 'r.note', 'r.legal_basis', 'r.status', 'r.decline_reason']);
}

export async function insertReferral(
  tx: Transaction<DB>,
  referral: ConsultationSending & { note: string | null },
): Promise<string> {
  const columns = pendingSendingColumns(referral);
  await tx
    .insertInto('referrals')
    .values({
      ...columns,
      note: referral.note,
      // A referral to another agency's service shares the consultation on the person's consent.
      legal_basis: 'consent',
    })
    .execute();
  return columns.id;
}

/**
 * A referral addressed to the viewer's organisation, locked for a decision. Anyone else — the
 * counter that sent it included — gets undefined (404): only the target decides. The target may
 * always see a referral addressed to it (while pending, that is what makes the consultation
 * visible to it; once decided, it made the decision).
 */
export async function findReferralForTarget(
  tx: Transaction<DB>,
  viewer: Viewer,
  id: string,
): Promise<ReferralRow | undefined> {
  return referralQuery(tx)
    .where('r.tenant_id', '=', viewer.tenantId)
    .where('r.id', '=', id)
    .where('r.to_organization_id', '=', viewer.organizationId)
    .forUpdate(['r'])
    .executeTakeFirst();
}

/** Referrals of these consultations, newest first (callers have checked the consultations' visibility). */
export async function referralsOf(
  db: Executor,
  tenantId: string,
  consultationIds: readonly string[],
): Promise<ReferralRow[]> {
  if (consultationIds.length === 0) return [];
  return referralQuery(db)
    .where('r.tenant_id', '=', tenantId)
    .where('r.consultation_id', 'in', [...new Set(consultationIds)])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/**
 * My organisation's inbox of referrals, oldest first (referrals_to_idx), only those whose
 * consultation I may see (pending and accepted ones are visible to the target by definition).
 */
export async function listReferralInbox(
  db: Executor,
  viewer: Viewer,
  options: { status: 'pending' | 'accepted'; limit: number; after?: readonly [string, string] | undefined },
): Promise<ReferralRow[]> {
  let query = referralQuery(db)
    .innerJoin('consultations as c', 'c.id', 'r.consultation_id')
    .where('r.tenant_id', '=', viewer.tenantId)
    .where('r.to_organization_id', '=', viewer.organizationId)
    .where('r.status', '=', options.status)
    .where(consultationVisible(viewer, 'c.id', 'c.organization_id'));
  if (options.after) {
    const [createdAt, id] = options.after;
    query = query.where(pastCursor('r.created_at', 'r.id', { at: createdAt, id }, 'asc'));
  }
  return query
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(options.limit + 1)
    .execute();
}

export async function decideReferral(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  decision: { status: 'accepted' | 'declined'; decidedBy: string; declineReason: string | null },
): Promise<void> {
  await tx
    .updateTable('referrals')
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decided_at: now(),
      decline_reason: decision.declineReason,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Whether the consultation has a referral still waiting for its target's answer. */
export async function hasPendingReferral(
  db: Executor,
  tenantId: string,
  consultationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('referrals')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}
