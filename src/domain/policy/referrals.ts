import type { PolicyActor, Refusal } from './actor.ts';
import { type SentConsultationFacts, sentDecisionRefusal } from './sentConsultations.ts';

/** A referral (つなぎ) as the rules need it. */
export type ReferralDecisionFacts = SentConsultationFacts<'declined'>;

/** Why the actor may not accept or decline this referral now, or null: only its recipient, while it waits. */
export function referralDecisionRefusal(actor: PolicyActor, referral: ReferralDecisionFacts): Refusal | null {
  return sentDecisionRefusal(actor, 'referral.decide', referral, {
    accepted: 'このつなぎはすでに受理しています。',
    declined: 'このつなぎはすでに辞退しています。',
  });
}

export function referralAbilities(actor: PolicyActor, referral: ReferralDecisionFacts) {
  const decide = referralDecisionRefusal(actor, referral) === null;
  return { accept: decide, decline: decide };
}
