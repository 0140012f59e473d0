import { type CaseEvent, type CaseStage, isOpenStage, transition } from '../caseStage.ts';
import type { PolicyActor } from './actor.ts';

/** A case as the rules need it: its stage and the section that coordinates it. */
export interface CaseFacts {
  stage: CaseStage;
  coordinating_organization_id: string;
}

/** How an organisation takes part in a case (case_participants.basis). */
export type ParticipationBasis = 'intake' | 'coordinator' | 'planItem' | 'meeting' | 'lead' | 'referral';

/**
 * Whether the actor coordinates this (visible) case: the case.coordinate permission, held in the
 * case's coordinating section. Every coordinator action on a case and its records starts here
 * (assessments, consents, meetings, plans, monitorings, the household, assignment, stage changes).
 */
export function coordinatesCase(
  actor: PolicyActor,
  kase: Pick<CaseFacts, 'coordinating_organization_id'>,
): boolean {
  return (
    actor.permissions.has('case.coordinate') && actor.organizationId === kase.coordinating_organization_id
  );
}

/** Whether the case's stage admits the event at all; the request's own facts are checked when it is tried. */
export function stageAdmits(stage: CaseStage, event: CaseEvent, facts: { hasAssessment: boolean }): boolean {
  return transition(stage, event, {
    hasAssessment: facts.hasAssessment,
    hasConsent: true,
    decidedByConsentMeeting: true,
    hasReason: true,
    hasEvaluation: true,
  }).ok;
}

/** Whether the actor may save a new 課題整理 (assessment) version of this case now. */
export function mayAssess(actor: PolicyActor, kase: CaseFacts): boolean {
  return coordinatesCase(actor, kase) && stageAdmits(kase.stage, 'saveAssessment', { hasAssessment: false });
}

/** Whether the actor may edit the case's household (世帯): its coordinator, until the case is closed. */
export function mayEditHousehold(actor: PolicyActor, kase: CaseFacts): boolean {
  return coordinatesCase(actor, kase) && kase.stage !== 'closed';
}

/** Whether the actor may record a support report on the case: a plan item of their organisation, case open. */
export function mayReportOnCase(
  actor: PolicyActor,
  kase: Pick<CaseFacts, 'stage'>,
  myBases: readonly ParticipationBasis[],
): boolean {
  return (
    actor.permissions.has('supportReport.create') && myBases.includes('planItem') && isOpenStage(kase.stage)
  );
}

/**
 * What the caller may do next with a case. Coordinator actions need case.coordinate AND the case's
 * coordinating section; stage changes are asked of the state machine itself, so the buttons the
 * web app shows are exactly the transitions the server would accept.
 */
export function caseAbilities(
  actor: PolicyActor,
  kase: CaseFacts,
  facts: { hasAssessment: boolean; myBases: readonly ParticipationBasis[] },
) {
  const coordinator = coordinatesCase(actor, kase);
  const legal = (event: CaseEvent) => stageAdmits(kase.stage, event, facts);
  return {
    assess: coordinator && legal('saveAssessment'),
    recordConsent: coordinator,
    scheduleMeeting: coordinator && isOpenStage(kase.stage),
    createPlan: coordinator && legal('approvePlan'),
    monitor: coordinator && legal('monitorContinue'),
    close: coordinator && legal('close'),
    suspend: coordinator && legal('suspend'),
    reopen: coordinator && legal('reopen'),
    report: mayReportOnCase(actor, kase, facts.myBases),
    assign: coordinator && kase.stage !== 'closed',
  };
}
