import type { PolicyActor, Refusal } from './actor.ts';
import { notYours, wrongState } from './actor.ts';

/** A referral (つなぎ) as the rules need it. */
export interface ReferralDecisionFacts {
  to_organization_id: string;
  status: 'pending' | 'accepted' | 'declined';
}

/** Whether the actor's organisation is the one a referral is addressed to, with the right to answer it. */
export function isReferralRecipient(
  actor: PolicyActor,
  referral: Pick<ReferralDecisionFacts, 'to_organization_id'>,
) {
  return actor.permissions.has('referral.decide') && referral.to_organization_id === actor.organizationId;
}

/** Why the actor may not accept or decline this referral now, or null: only its recipient, while it waits. */
export function referralDecisionRefusal(actor: PolicyActor, referral: ReferralDecisionFacts): Refusal | null {
  if (!isReferralRecipient(actor, referral)) return notYours();
  if (referral.status === 'pending') return null;
  return wrongState(
    referral.status === 'accepted'
      ? 'このつなぎはすでに受理しています。'
      : 'このつなぎはすでに辞退しています。',
    'conflict.alreadyDecided',
  );
}

export function referralAbilities(actor: PolicyActor, referral: ReferralDecisionFacts) {
  const decide = referralDecisionRefusal(actor, referral) === null;
  return { accept: decide, decline: decide };
}
