import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../../src/contract/cases.ts';
import type { CaseStage } from '../../../../src/domain/caseStage.ts';
import { nextStepsOf } from './next-steps.ts';

const allowed: CaseDetail['abilities'] = {
  assess: true,
  recordConsent: true,
  scheduleMeeting: true,
  createPlan: true,
  monitor: true,
  close: true,
  suspend: true,
  reopen: false,
  report: true,
  assign: true,
};
const none = Object.fromEntries(Object.keys(allowed).map((key) => [key, false])) as CaseDetail['abilities'];

function kase(stage: CaseStage, over: Partial<Parameters<typeof nextStepsOf>[0]> = {}) {
  return {
    stage,
    assignedUser: null,
    abilities: allowed,
    meetings: [],
    nextMonitoringDueOn: null,
    ...over,
  } as Parameters<typeof nextStepsOf>[0];
}

const today = '2026-12-02';

describe('nextStepsOf', () => {
  it('after 受理: set the 担当職員, start the 課題整理, plan a meeting', () => {
    expect(nextStepsOf(kase('accepted'), today)).toEqual(['assign', 'assess', 'meeting']);
  });

  it('drops what is done: an assignee set, a meeting on the list', () => {
    const assigned = { id: '00000000-0000-4000-8000-000000000001', name: '重層 調整' };
    expect(nextStepsOf(kase('accepted', { assignedUser: assigned }), today)).toEqual(['assess', 'meeting']);
    const meeting = {} as CaseDetail['meetings'][number];
    expect(nextStepsOf(kase('assessing', { assignedUser: assigned, meetings: [meeting] }), today)).toEqual([
      'plan',
    ]);
  });

  it('while organising the issues: a meeting and the plan', () => {
    expect(nextStepsOf(kase('assessing'), today)).toEqual(['assign', 'meeting', 'plan']);
  });

  it('monitoring once its effective due date has come, not before', () => {
    expect(nextStepsOf(kase('supporting', { nextMonitoringDueOn: '2026-12-02' }), today)).toEqual([
      'assign',
      'monitor',
    ]);
    expect(nextStepsOf(kase('supporting', { nextMonitoringDueOn: '2026-12-03' }), today)).toEqual(['assign']);
  });

  it('offers nothing the caller may not do (abilities decide, not the screen)', () => {
    for (const stage of ['accepted', 'assessing', 'supporting', 'closed'] as const) {
      expect(nextStepsOf(kase(stage, { abilities: none, nextMonitoringDueOn: '2026-01-01' }), today)).toEqual(
        [],
      );
    }
  });
});
