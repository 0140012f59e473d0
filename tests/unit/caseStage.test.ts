import { describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  type CaseFacts,
  type CaseStage,
  caseEvents,
  caseStages,
  isOpenStage,
  transition,
} from '../../src/domain/caseStage.ts';

const allFacts: CaseFacts = {
  hasAssessment: true,
  hasConsent: true,
  decidedByConsentMeeting: true,
  hasReason: true,
  hasEvaluation: true,
};

/** Every stage × event with all guards satisfied: the next stage, or null where the event is illegal. */
const table: Record<CaseStage, Record<CaseEvent, CaseStage | null>> = {
  accepted: {
    saveAssessment: 'assessing',
    holdSupportMeeting: 'watching',
    approvePlan: 'supporting',
    monitorContinue: null,
    monitorRevise: null,
    close: null,
    suspend: null,
    reopen: null,
  },
  assessing: {
    saveAssessment: 'assessing',
    holdSupportMeeting: 'watching',
    approvePlan: 'supporting',
    monitorContinue: null,
    monitorRevise: null,
    close: 'closed',
    suspend: null,
    reopen: null,
  },
  watching: {
    saveAssessment: 'watching',
    holdSupportMeeting: 'watching',
    approvePlan: 'supporting',
    monitorContinue: null,
    monitorRevise: null,
    close: 'closed',
    suspend: 'suspended',
    reopen: null,
  },
  supporting: {
    saveAssessment: 'supporting',
    holdSupportMeeting: 'supporting',
    approvePlan: null,
    monitorContinue: 'supporting',
    monitorRevise: 'revising',
    close: 'closed',
    suspend: 'suspended',
    reopen: null,
  },
  revising: {
    saveAssessment: 'revising',
    holdSupportMeeting: 'revising',
    approvePlan: 'supporting',
    monitorContinue: null,
    monitorRevise: null,
    close: 'closed',
    suspend: 'suspended',
    reopen: null,
  },
  closed: {
    saveAssessment: null,
    holdSupportMeeting: null,
    approvePlan: null,
    monitorContinue: null,
    monitorRevise: null,
    close: null,
    suspend: null,
    reopen: 'assessing',
  },
  suspended: {
    saveAssessment: null,
    holdSupportMeeting: null,
    approvePlan: null,
    monitorContinue: null,
    monitorRevise: null,
    close: null,
    suspend: null,
    reopen: 'assessing',
  },
};

describe('case stage machine: every stage × event', () => {
  for (const stage of caseStages) {
    for (const event of caseEvents) {
      const expected = table[stage][event];
      it(`${stage} --${event}--> ${expected ?? 'refused'}`, () => {
        const result = transition(stage, event, allFacts);
        if (expected === null) {
          expect(result).toMatchObject({ ok: false, code: 'case.illegalTransition' });
          if (!result.ok) expect(result.reason).toMatch(/できません/);
        } else {
          expect(result).toEqual({ ok: true, next: expected });
        }
      });
    }
  }
});

describe('case stage machine: guards', () => {
  const without = (fact: keyof CaseFacts): CaseFacts => ({ ...allFacts, [fact]: false });

  it('needs an assessment, consent and a 重層的支援会議 decision to approve a plan, checked in that order', () => {
    expect(transition('assessing', 'approvePlan', without('hasAssessment'))).toMatchObject({
      code: 'case.assessmentRequired',
    });
    expect(transition('watching', 'approvePlan', without('hasConsent'))).toMatchObject({
      code: 'case.consentRequired',
    });
    expect(transition('revising', 'approvePlan', without('decidedByConsentMeeting'))).toMatchObject({
      code: 'case.meetingDecisionRequired',
    });
    const bare = transition('assessing', 'approvePlan', {
      ...allFacts,
      hasAssessment: false,
      hasConsent: false,
    });
    expect(bare).toMatchObject({ code: 'case.assessmentRequired' });
  });

  it('needs a reason and an evaluation to close', () => {
    expect(transition('supporting', 'close', without('hasReason'))).toMatchObject({
      code: 'case.reasonRequired',
    });
    expect(transition('supporting', 'close', without('hasEvaluation'))).toMatchObject({
      code: 'case.evaluationRequired',
    });
  });

  it('needs a reason to suspend and to reopen', () => {
    expect(transition('supporting', 'suspend', without('hasReason'))).toMatchObject({
      code: 'case.reasonRequired',
    });
    expect(transition('closed', 'reopen', without('hasReason'))).toMatchObject({
      code: 'case.reasonRequired',
    });
  });

  it('refuses an illegal event before looking at guards', () => {
    expect(transition('closed', 'close', without('hasReason'))).toMatchObject({
      code: 'case.illegalTransition',
    });
  });

  it('counts only closed and suspended cases as not open', () => {
    expect(caseStages.filter((s) => !isOpenStage(s))).toEqual(['closed', 'suspended']);
  });
});
