import type { PolicyActor } from './actor.ts';

/** A programme (施策・事業) of the recidivism plan as the rules need it. */
export interface ProgrammeFacts {
  responsibleSection: { id: string };
}

/** Whether the actor keeps the city's 再犯防止推進計画 (challenges, programmes, evaluation scale, year locks). */
export function mayManagePlan(actor: PolicyActor): boolean {
  return actor.permissions.has('plan.manage');
}

/** Whether the actor may record this programme's annual progress: its responsible section, or the plan's keeper. */
export function mayEditProgress(actor: PolicyActor, programme: ProgrammeFacts): boolean {
  return (
    actor.permissions.has('programmeProgress.edit') &&
    (mayManagePlan(actor) || programme.responsibleSection.id === actor.organizationId)
  );
}

/** Whether the actor may record a programme's progress for a year in that state (a locked year is closed). */
export function mayEditProgressOfYear(actor: PolicyActor, programme: ProgrammeFacts, yearLocked: boolean) {
  return !yearLocked && mayEditProgress(actor, programme);
}

export function programmeAbilities(actor: PolicyActor, programme: ProgrammeFacts) {
  return { update: mayManagePlan(actor), editProgress: mayEditProgress(actor, programme) };
}

/** What the caller may do with a 年度's progress sheet: lock an open year, unlock a locked one. */
export function progressYearAbilities(actor: PolicyActor, yearLocked: boolean) {
  const manages = mayManagePlan(actor);
  return { lockYear: !yearLocked && manages, unlockYear: yearLocked && manages };
}
