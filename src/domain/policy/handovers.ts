import type { PolicyActor, Refusal } from './actor.ts';
import { notYours, wrongState } from './actor.ts';

/** A handover (重層事業への引継ぎ) as the rules need it. */
export interface HandoverFacts {
  to_organization_id: string;
  status: 'pending' | 'accepted' | 'returned';
}

/** Whether the actor's coordinating section is the one a handover is addressed to, with the right to decide it. */
export function isHandoverRecipient(
  actor: PolicyActor,
  handover: Pick<HandoverFacts, 'to_organization_id'>,
): boolean {
  return actor.permissions.has('handover.decide') && handover.to_organization_id === actor.organizationId;
}

/**
 * Why the actor may not accept (受理) or return (差戻し) this handover now, or null if they may:
 * only its recipient, and only while it waits.
 */
export function handoverDecisionRefusal(actor: PolicyActor, handover: HandoverFacts): Refusal | null {
  if (!isHandoverRecipient(actor, handover)) return notYours();
  if (handover.status === 'pending') return null;
  return wrongState(
    handover.status === 'accepted'
      ? 'この引継ぎはすでに受理しています。'
      : 'この引継ぎはすでに差戻しています。',
    'conflict.alreadyDecided',
  );
}

/** Whether the actor is shown how many possible duplicates a handover's person has (名寄せ is theirs). */
export function maySeePossibleDuplicates(actor: PolicyActor): boolean {
  return actor.permissions.has('person.link');
}

export function handoverAbilities(actor: PolicyActor, handover: HandoverFacts) {
  const decide = handoverDecisionRefusal(actor, handover) === null;
  return { accept: decide, return: decide };
}
