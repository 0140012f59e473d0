import type { Permission } from '../permissions.ts';
import type { PolicyActor, Refusal } from './actor.ts';
import { notYours, wrongState } from './actor.ts';

/**
 * A consultation sent on to another organisation — a handover (引継ぎ) to the coordinating section
 * or a referral (つなぎ) to another agency — as its addressee decides it.
 */
export interface SentConsultationFacts<Turned extends string> {
  to_organization_id: string;
  status: 'pending' | 'accepted' | Turned;
}

/**
 * Why the actor may not decide (accept, or return / decline) what was sent, or null if they may: only
 * its addressee holding the permission to decide, and only while it waits. `already` is the message
 * for each decided status.
 */
export function sentDecisionRefusal<Turned extends string>(
  actor: PolicyActor,
  decide: Permission,
  sent: SentConsultationFacts<Turned>,
  already: Record<'accepted' | Turned, string>,
): Refusal | null {
  if (!actor.permissions.has(decide) || sent.to_organization_id !== actor.organizationId) return notYours();
  if (sent.status === 'pending') return null;
  return wrongState(already[sent.status], 'conflict.alreadyDecided');
}
