import type { PolicyActor, Refusal } from './actor.ts';
import { notYours, wrongState } from './actor.ts';

/** A consultation (相談) as the rules need it. */
export interface ConsultationFacts {
  organization_id: string;
  status: 'open' | 'referred' | 'handedOver' | 'closed';
  consent_to_share: boolean;
}

/** A referral (つなぎ) of the consultation. */
export interface ReferralFacts {
  to_organization_id: string;
  status: 'pending' | 'accepted' | 'declined';
}

/**
 * Why the caller's organisation may not end (対応終了) this consultation, or null if it may:
 * the counter that took it, or an organisation that accepted a referral of it; never once handed
 * over or closed, nor while a referral waits for its target's answer.
 */
export function closeRefusal(
  actor: PolicyActor,
  consultation: ConsultationFacts,
  referrals: readonly ReferralFacts[],
): Refusal | null {
  if (!actor.permissions.has('consultation.create')) return notYours();
  if (consultation.status === 'closed') return wrongState('この相談はすでに対応終了しています。');
  if (consultation.status === 'handedOver') {
    return wrongState(
      '重層事業へ引継いだ相談は対応終了にできません。差戻しがあった場合は、その後に対応終了にしてください。',
    );
  }
  const owner = consultation.organization_id === actor.organizationId;
  const acceptedHere = referrals.some(
    (r) => r.to_organization_id === actor.organizationId && r.status === 'accepted',
  );
  if (!owner && !acceptedHere) {
    return notYours('この相談を対応終了にできるのは、相談を受け付けた機関か、つなぎを受けた機関です。');
  }
  if (owner && !acceptedHere && referrals.some((r) => r.status === 'pending')) {
    return wrongState('つなぎ先の機関の回答を待っています。受理または辞退の後で対応終了にしてください。');
  }
  return null;
}

/** Whether the actor may hand this consultation over to the coordinating section (重層事業への引継ぎ). */
export function mayHandOver(actor: PolicyActor, consultation: ConsultationFacts): boolean {
  return (
    actor.permissions.has('handover.create') &&
    consultation.organization_id === actor.organizationId &&
    consultation.status === 'open'
  );
}

/** Whether the actor may refer this consultation to another organisation: its counter, open, with consent to share. */
export function mayRefer(actor: PolicyActor, consultation: ConsultationFacts): boolean {
  return (
    actor.permissions.has('consultation.create') &&
    consultation.organization_id === actor.organizationId &&
    consultation.status === 'open' &&
    consultation.consent_to_share
  );
}

/** What the caller may do next with a consultation; the web app shows exactly these. */
export function consultationAbilities(
  actor: PolicyActor,
  consultation: ConsultationFacts,
  referrals: readonly ReferralFacts[],
) {
  return {
    close: closeRefusal(actor, consultation, referrals) === null,
    handOver: mayHandOver(actor, consultation),
    refer: mayRefer(actor, consultation),
  };
}
