import type { PolicyActor, Refusal } from './actor.ts';
import { type SentConsultationFacts, sentDecisionRefusal } from './sentConsultations.ts';

/** A handover (重層事業への引継ぎ) as the rules need it. */
export type HandoverFacts = SentConsultationFacts<'returned'>;

/**
 * Why the actor may not accept (受理) or return (差戻し) this handover now, or null if they may:
 * only its recipient, and only while it waits.
 */
export function handoverDecisionRefusal(actor: PolicyActor, handover: HandoverFacts): Refusal | null {
  return sentDecisionRefusal(actor, 'handover.decide', handover, {
    accepted: 'この引継ぎはすでに受理しています。',
    returned: 'この引継ぎはすでに差戻しています。',
  });
}

/** Whether the actor is shown how many possible duplicates a handover's person has (名寄せ is theirs). */
export function maySeePossibleDuplicates(actor: PolicyActor): boolean {
  return actor.permissions.has('person.link');
}

export function handoverAbilities(actor: PolicyActor, handover: HandoverFacts) {
  const decide = handoverDecisionRefusal(actor, handover) === null;
  return { accept: decide, return: decide };
}
