import type { Transaction } from 'kysely';
import type { AuditEventInput } from '../db/auditTrail.ts';
import { type ConsultationRow, findVisibleConsultation, markConsultationSent } from '../db/consultations.ts';
import { findCoordinatingSection } from '../db/handovers.ts';
import { findOrganization } from '../db/organizations.ts';
import type { DB, OrganizationRow } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { conflict, fieldProblem, HttpProblem, orNotFound } from './problem.ts';

type NextStep = 'handover' | 'referral';

const onlyTheCounter: Record<NextStep, string> = {
  handover: '重層事業へ引継げるのは、相談を受け付けた機関です。',
  referral: '他機関へつなげるのは、相談を受け付けた機関です。',
};

const notOpen: Record<NextStep, Record<'handedOver' | 'referred' | 'closed', string>> = {
  handover: {
    handedOver: 'この相談はすでに重層事業へ引継いでいます。',
    referred: 'この相談は他機関へつないでいます。つなぎ先の回答の後で引継いでください。',
    closed: 'この相談は対応終了しています。',
  },
  referral: {
    handedOver: 'この相談は重層事業へ引継いでいます。',
    referred: 'この相談はすでに他機関へつないでいます。',
    closed: 'この相談は対応終了しています。',
  },
};

/**
 * The consultation a counter is about to hand over or refer, locked for the transaction: it must be
 * one the actor may see (else 404), taken by the actor's own organisation (else 403), and still
 * open (else 409 saying where it went).
 */
export async function openConsultationOfMyCounter(
  tx: Transaction<DB>,
  actor: Actor,
  consultationId: string,
  next: NextStep,
): Promise<ConsultationRow> {
  const consultation = orNotFound(
    await findVisibleConsultation(tx, actor, consultationId, { forUpdate: true }),
  );
  if (consultation.organization_id !== actor.organizationId) {
    throw new HttpProblem(403, 'auth.forbidden', onlyTheCounter[next]);
  }
  if (consultation.status !== 'open') throw conflict('conflict.state', notOpen[next][consultation.status]);
  return consultation;
}

/**
 * The organisation a referral goes to (by its own operation, or in one step with
 * consultations.create): one of the city's, active; neither the counter itself nor the coordinating
 * section. Each refusal is a 400 on `field`; the last two say what the screen offers instead.
 */
export async function referralRecipient(
  tx: Transaction<DB>,
  actor: Actor,
  organizationId: string,
  field: string,
  instead: { ownOrganization: string; coordinatingSection: string },
): Promise<OrganizationRow> {
  const target = await findOrganization(tx, actor.tenantId, organizationId);
  if (!target || target.disabled_at) {
    throw fieldProblem(field, 'つなぎ先の機関が見つからないか、無効になっています');
  }
  if (target.id === actor.organizationId) throw fieldProblem(field, instead.ownOrganization);
  if (target.is_coordinating_section) throw fieldProblem(field, instead.coordinatingSection);
  return target;
}

/**
 * The coordinating section a handover goes to (by its own operation, or in one step with
 * consultations.create); 409 while the city has none.
 */
export async function handoverRecipient(tx: Transaction<DB>, tenantId: string): Promise<{ id: string }> {
  const section = await findCoordinatingSection(tx, tenantId);
  if (!section) {
    throw conflict(
      'conflict.state',
      '重層事業担当部署が設定されていないため引継げません。管理者に連絡してください。',
    );
  }
  return section;
}

/**
 * The audit event of a handover or referral just made of a consultation (by its own operation, or
 * in one step with consultations.create): a referral shares the consultation on the person's consent.
 */
export function sentConsultationEvent(
  next: NextStep,
  sent: { id: string; personId: string; consultationId: string; toOrganizationId: string },
): AuditEventInput {
  return {
    action: next === 'handover' ? 'handover.create' : 'referral.create',
    resourceType: next,
    resourceId: sent.id,
    personId: sent.personId,
    ...(next === 'referral' ? { legalBasis: 'consent' } : {}),
    details: { consultationId: sent.consultationId, toOrganizationId: sent.toOrganizationId },
  };
}

/**
 * Finishes sending an open consultation on once its handover or referral is inserted: marks the
 * consultation sent, reloads the new record as the caller sees it, and audits it last (the audit
 * chain's lock is held until commit).
 */
export async function finishSending<T>(
  tx: Transaction<DB>,
  actor: Actor,
  audit: (event: AuditEventInput) => Promise<void>,
  next: NextStep,
  sent: { id: string; consultation: ConsultationRow; toOrganizationId: string },
  reload: (tx: Transaction<DB>, actor: Actor, id: string, consultationId: string) => Promise<T>,
): Promise<T> {
  const { id, consultation, toOrganizationId } = sent;
  await markConsultationSent(tx, actor.tenantId, consultation.id, next);
  const created = await reload(tx, actor, id, consultation.id);
  await audit(
    sentConsultationEvent(next, {
      id,
      personId: consultation.person_id,
      consultationId: consultation.id,
      toOrganizationId,
    }),
  );
  return created;
}
