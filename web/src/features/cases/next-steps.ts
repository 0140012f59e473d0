import type { CaseDetail } from '../../../../src/contract/cases.ts';

/** What the coordinating section may do next on a case, in the order it is usually done. */
export const nextStepKinds = ['assign', 'assess', 'meeting', 'plan', 'monitor'] as const;
export type NextStepKind = (typeof nextStepKinds)[number];

/**
 * The next steps to offer on a case page, read from the case and the abilities that came with it
 * (the web app never re-derives who may do what): set the 担当職員 while none is set, start 課題整理
 * on a case just accepted, plan a meeting while the issues are being organised, draft the plan once
 * they are, and monitor when the monitoring is due.
 */
export function nextStepsOf(
  kase: Pick<CaseDetail, 'stage' | 'assignedUser' | 'abilities' | 'meetings' | 'nextMonitoringDueOn'>,
  today: string,
): NextStepKind[] {
  const steps: NextStepKind[] = [];
  const { abilities, stage } = kase;
  if (abilities.assign && kase.assignedUser === null) steps.push('assign');
  if (abilities.assess && stage === 'accepted') steps.push('assess');
  if (
    abilities.scheduleMeeting &&
    (stage === 'accepted' || stage === 'assessing') &&
    kase.meetings.length === 0
  )
    steps.push('meeting');
  if (abilities.createPlan && stage === 'assessing') steps.push('plan');
  if (abilities.monitor && kase.nextMonitoringDueOn !== null && kase.nextMonitoringDueOn <= today)
    steps.push('monitor');
  return steps;
}
