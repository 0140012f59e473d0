import type { PolicyActor, Refusal } from './actor.ts';
import { notYours } from './actor.ts';

/** What the caller may do with a 再犯防止推進会議 meeting. */
export function councilMeetingAbilities(actor: PolicyActor) {
  return {
    paper: actor.permissions.has('council.read'),
    recordOpinion: actor.permissions.has('council.opinion'),
    attach: actor.permissions.has('council.manage'),
  };
}

/** Whether the actor may answer a member's opinion (the plan's keeper, who runs the council). */
export function mayAnswerOpinion(actor: PolicyActor): boolean {
  return actor.permissions.has('council.manage');
}

/**
 * Why the actor may not record an opinion for that organisation, or null: a member speaks only for
 * its own organisation, and only while it sits on the council.
 */
export function opinionRefusal(
  actor: PolicyActor,
  forOrganizationId: string | undefined,
  sitsOnCouncil: boolean,
): Refusal | null {
  if (!actor.permissions.has('council.opinion')) return notYours();
  if (forOrganizationId && forOrganizationId !== actor.organizationId) return notYours();
  if (!sitsOnCouncil) return notYours();
  return null;
}
