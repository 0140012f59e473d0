import { type CaseStage, noFacts, transition } from '../caseStage.ts';
import type { PolicyActor } from './actor.ts';
import { coordinatesCase } from './cases.ts';

/** A meeting (支援会議 / 重層的支援会議) of a case as the rules need it. */
export interface MeetingFacts {
  legal_basis: 'article106_6' | 'consent';
  status: 'scheduled' | 'held';
  coordinating_organization_id: string;
  case_stage: CaseStage;
}

/** The caller's organisation's invitation to the meeting, if it has one. */
export interface InvitationFacts {
  acknowledged_at: Date | null;
}

/** Whether the actor may schedule a meeting of a case: its coordinator. */
export function mayScheduleMeeting(actor: PolicyActor, kase: { coordinating_organization_id: string }) {
  return coordinatesCase(actor, kase);
}

/** Whether the actor may record the minutes of this meeting: the coordinator, once, when the stage allows holding it. */
export function mayRecordMinutes(actor: PolicyActor, meeting: MeetingFacts): boolean {
  const holdable =
    meeting.legal_basis !== 'article106_6' ||
    transition(meeting.case_stage, 'holdSupportMeeting', noFacts).ok;
  return coordinatesCase(actor, meeting) && meeting.status === 'scheduled' && holdable;
}

/**
 * What the caller may see of a meeting's papers. A 支援会議 (article106_6) shares information
 * without the person's consent under a statutory duty of confidentiality, so its agenda, minutes
 * and decisions go only to the organising section and to invited organisations that have
 * acknowledged that duty; an organisation that merely takes part in the case is not a member.
 */
export function meetingPapersWithheld(
  actor: PolicyActor,
  meeting: MeetingFacts,
  mine: InvitationFacts | undefined,
): 'notMember' | 'acknowledgementRequired' | null {
  if (meeting.legal_basis !== 'article106_6') return null;
  if (actor.organizationId === meeting.coordinating_organization_id) return null;
  if (!mine) return 'notMember';
  return mine.acknowledged_at ? null : 'acknowledgementRequired';
}

export function meetingAbilities(
  actor: PolicyActor,
  meeting: MeetingFacts,
  mine: InvitationFacts | undefined,
) {
  return {
    recordMinutes: mayRecordMinutes(actor, meeting),
    acknowledge: mine !== undefined && mine.acknowledged_at === null,
  };
}
