import { describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  type CaseFacts,
  type CaseStage,
  caseEvents,
  caseStages,
  isOpenStage,
  openCaseFigures,
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

  describe('openCaseFigures', () => {
    it('gives every open stage in order, zero where nothing is counted', () => {
      expect(openCaseFigures([])).toEqual({
        byStage: caseStages.filter(isOpenStage).map((stage) => ({ stage, count: 0 })),
        total: 0,
        unassigned: 0,
      });
    });

    it('adds assigned and unassigned cases of a stage, and leaves closed and suspended ones out', () => {
      const figures = openCaseFigures([
        { stage: 'supporting', unassigned: false, n: 7 },
        { stage: 'supporting', unassigned: true, n: 3 },
        { stage: 'assessing', unassigned: true, n: 2 },
        { stage: 'watching', unassigned: false, n: 1 },
        { stage: 'closed', unassigned: true, n: 50 },
        { stage: 'suspended', unassigned: false, n: 9 },
      ]);
      expect(figures.byStage).toEqual([
        { stage: 'accepted', count: 0 },
        { stage: 'assessing', count: 2 },
        { stage: 'watching', count: 1 },
        { stage: 'supporting', count: 10 },
        { stage: 'revising', count: 0 },
      ]);
      expect(figures.total).toBe(13);
      expect(figures.unassigned).toBe(5);
    });

    it('counts every key once, whatever the order of the counts', () => {
      const counts = caseStages.flatMap((stage, i) => [
        { stage, unassigned: true, n: i + 1 },
        { stage, unassigned: false, n: 10 * (i + 1) },
      ]);
      const forward = openCaseFigures(counts);
      expect(openCaseFigures([...counts].reverse())).toEqual(forward);
      // open stages are the first five: 11 + 22 + 33 + 44 + 55, of which 1 + 2 + 3 + 4 + 5 unassigned
      expect(forward.total).toBe(165);
      expect(forward.unassigned).toBe(15);
    });
  });
});
