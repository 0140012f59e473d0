import { type CaseStage, isOpenStage } from '../caseStage.ts';
import type { PolicyActor } from './actor.ts';
import { coordinatesCase, stageAdmits } from './cases.ts';

/** A support plan (支援プラン) version as the rules need it. */
export interface PlanFacts {
  status: string;
  case_stage: CaseStage;
  coordinating_organization_id: string;
}

/** Whether the actor may draft a new plan version of a case: its coordinator (the stage is checked on saving). */
export function mayDraftPlan(actor: PolicyActor, kase: { coordinating_organization_id: string }): boolean {
  return coordinatesCase(actor, kase);
}

/** Whether the actor may change this plan version: a draft, of an open case, by the case's coordinator. */
export function mayEditPlan(actor: PolicyActor, plan: PlanFacts): boolean {
  return plan.status === 'draft' && coordinatesCase(actor, plan) && isOpenStage(plan.case_stage);
}

/** What the caller may do with a plan version; approval also needs a stage that admits it. */
export function planAbilities(actor: PolicyActor, plan: PlanFacts) {
  const editable = mayEditPlan(actor, plan);
  return {
    update: editable,
    approve: editable && stageAdmits(plan.case_stage, 'approvePlan', { hasAssessment: true }),
  };
}

/** Whether the actor may record support reports (支援記録) on plan items of their organisation. */
export function mayReportOnPlanItems(actor: PolicyActor): boolean {
  return actor.permissions.has('supportReport.create');
}
