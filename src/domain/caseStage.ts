/**
 * The stage of a case under coordination (事例), as a pure state machine (docs/domain.md "The support flow").
 *
 *   accepted ─saveAssessment─► assessing ─holdSupportMeeting─► watching (支援会議で見守り・同意待ち)
 *       │                          │                               │
 *       └──────────────────────────┴──approvePlan (重層的支援会議, consent)──► supporting ◄─┐
 *   supporting ─monitor(continue)─► supporting                                             │
 *   supporting ─monitor(revise)──► revising ─approvePlan (new version)─────────────────────┘
 *   assessing | watching | supporting | revising ─close─► closed ─reopen─► assessing
 *   watching | supporting | revising ─suspend─► suspended ─reopen─► assessing
 */
export const caseStages = [
  'accepted',
  'assessing',
  'watching',
  'supporting',
  'revising',
  'closed',
  'suspended',
] as const;
export type CaseStage = (typeof caseStages)[number];

export const caseEvents = [
  'saveAssessment',
  'holdSupportMeeting',
  'approvePlan',
  'monitorContinue',
  'monitorRevise',
  'close',
  'suspend',
  'reopen',
] as const;
export type CaseEvent = (typeof caseEvents)[number];

/** What the guards need to know about the case; gathered by the caller, so this stays free of I/O. */
export interface CaseFacts {
  hasAssessment: boolean;
  /** The person's consent to sharing is on record and not withdrawn. */
  hasConsent: boolean;
  /** The plan being approved was decided by a 重層的支援会議 (a consent-based meeting) of this case. */
  decidedByConsentMeeting: boolean;
  /** A closure or suspension states its reason. */
  hasReason: boolean;
  /** A closure records its evaluation (評価). */
  hasEvaluation: boolean;
}

export const noFacts: CaseFacts = {
  hasAssessment: false,
  hasConsent: false,
  decidedByConsentMeeting: false,
  hasReason: false,
  hasEvaluation: false,
};

export type TransitionRefusal =
  | 'case.illegalTransition'
  | 'case.assessmentRequired'
  | 'case.consentRequired'
  | 'case.meetingDecisionRequired'
  | 'case.reasonRequired'
  | 'case.evaluationRequired';

export type TransitionResult =
  | { ok: true; next: CaseStage }
  | { ok: false; code: TransitionRefusal; reason: string };

export const caseStageLabels: Record<CaseStage, string> = {
  accepted: '受理',
  assessing: '課題整理中',
  watching: '見守り（同意待ち）',
  supporting: '支援中',
  revising: 'プラン見直し中',
  closed: '終結',
  suspended: '中断',
};

const eventLabels: Record<CaseEvent, string> = {
  saveAssessment: '課題整理の記録',
  holdSupportMeeting: '支援会議の開催',
  approvePlan: '支援プランの決定',
  monitorContinue: 'モニタリング（継続）',
  monitorRevise: 'モニタリング（見直し）',
  close: '終結',
  suspend: '中断',
  reopen: '再開',
};

const ok = (next: CaseStage): TransitionResult => ({ ok: true, next });
const refuse = (code: TransitionRefusal, reason: string): TransitionResult => ({ ok: false, code, reason });
const illegal = (stage: CaseStage, event: CaseEvent): TransitionResult =>
  refuse(
    'case.illegalTransition',
    `「${caseStageLabels[stage]}」の事例では「${eventLabels[event]}」はできません。`,
  );

/** Apply one event to a case stage. Every state × event pair is decided here and nowhere else. */
export function transition(stage: CaseStage, event: CaseEvent, facts: CaseFacts): TransitionResult {
  switch (event) {
    case 'saveAssessment':
      if (stage === 'closed' || stage === 'suspended') return illegal(stage, event);
      return ok(stage === 'accepted' ? 'assessing' : stage);

    case 'holdSupportMeeting':
      if (stage === 'closed' || stage === 'suspended') return illegal(stage, event);
      return ok(stage === 'accepted' || stage === 'assessing' ? 'watching' : stage);

    case 'approvePlan':
      if (!(['accepted', 'assessing', 'watching', 'revising'] as CaseStage[]).includes(stage))
        return illegal(stage, event);
      if (!facts.hasAssessment)
        return refuse(
          'case.assessmentRequired',
          '支援プランを決定する前に課題整理（アセスメント）を記録してください。',
        );
      if (!facts.hasConsent) {
        return refuse(
          'case.consentRequired',
          '本人の同意が記録されていないため、支援プランを決定できません。同意を記録するか、支援会議で見守りを続けてください。',
        );
      }
      if (!facts.decidedByConsentMeeting) {
        return refuse(
          'case.meetingDecisionRequired',
          '支援プランは重層的支援会議で決定してください（決定した会議を指定してください）。',
        );
      }
      return ok('supporting');

    case 'monitorContinue':
      return stage === 'supporting' ? ok('supporting') : illegal(stage, event);

    case 'monitorRevise':
      return stage === 'supporting' ? ok('revising') : illegal(stage, event);

    case 'close':
      if (!(['assessing', 'watching', 'supporting', 'revising'] as CaseStage[]).includes(stage))
        return illegal(stage, event);
      if (!facts.hasReason) return refuse('case.reasonRequired', '終結の理由を選んでください。');
      if (!facts.hasEvaluation) return refuse('case.evaluationRequired', '終結時の評価を記入してください。');
      return ok('closed');

    case 'suspend':
      if (!(['watching', 'supporting', 'revising'] as CaseStage[]).includes(stage))
        return illegal(stage, event);
      if (!facts.hasReason) return refuse('case.reasonRequired', '中断の理由を入力してください。');
      return ok('suspended');

    case 'reopen':
      if (stage !== 'closed' && stage !== 'suspended') return illegal(stage, event);
      if (!facts.hasReason) return refuse('case.reasonRequired', '再開の理由を入力してください。');
      return ok('assessing');

    default: {
      const unreachable: never = event;
      throw new Error(`unknown case event ${String(unreachable)}`);
    }
  }
}

/** Stages in which the case is still open (counts as 継続中). */
export function isOpenStage(stage: CaseStage): boolean {
  return stage !== 'closed' && stage !== 'suspended';
}

/** How many cases are at a stage, with or without an assigned worker (one key of the home's tallies). */
export interface StageCount {
  stage: CaseStage;
  unassigned: boolean;
  n: number;
}

/**
 * The home's open-case figures from counts by stage and assignment: the open cases at each open
 * stage (in the stages' order), their total, and those with no assigned worker — what cases.list
 * counts with ?stage=… and ?unassigned=true.
 */
export function openCaseFigures(counts: readonly StageCount[]): {
  byStage: { stage: CaseStage; count: number }[];
  total: number;
  unassigned: number;
} {
  const byStage = caseStages.filter(isOpenStage).map((stage) => ({
    stage,
    count: counts.filter((c) => c.stage === stage).reduce((sum, c) => sum + c.n, 0),
  }));
  return {
    byStage,
    total: byStage.reduce((sum, s) => sum + s.count, 0),
    unassigned: counts.filter((c) => c.unassigned && isOpenStage(c.stage)).reduce((sum, c) => sum + c.n, 0),
  };
}
