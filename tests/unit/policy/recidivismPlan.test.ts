import { describe, expect, it } from 'vitest';
import {
  mayEditProgress,
  mayEditProgressOfYear,
  mayManagePlan,
  programmeAbilities,
  progressYearAbilities,
} from '../../../src/domain/policy/recidivismPlan.ts';
import { actorOf, ELSEWHERE } from './support.ts';

const SECTION = 'org-responsible-section';
const programme = { responsibleSection: { id: SECTION } };

describe('a programme’s annual progress: its responsible section, or the plan’s keeper', () => {
  it.each([
    ['a caseworker of the responsible section', actorOf(['caseworker'], SECTION), true],
    ['a coordinator of the responsible section', actorOf(['coordinator'], SECTION), true],
    ['the plan officer of another section', actorOf(['planOfficer'], ELSEWHERE), true],
    ['a caseworker of another section', actorOf(['caseworker'], ELSEWHERE), false],
    ['a council member of the responsible section', actorOf(['councilMember'], SECTION), false],
    ['an admin of the responsible section', actorOf(['admin'], SECTION), false],
  ])('%s → %s', (_name, actor, expected) => {
    expect(mayEditProgress(actor, programme)).toBe(expected);
    expect(programmeAbilities(actor, programme).editProgress).toBe(expected);
    expect(mayEditProgressOfYear(actor, programme, false)).toBe(expected);
    expect(mayEditProgressOfYear(actor, programme, true)).toBe(false);
  });
});

describe('the plan itself and the year locks are the plan officer’s', () => {
  it.each([
    [['planOfficer'], true],
    [['coordinator'], false],
    [['councilMember'], false],
    [['admin'], false],
  ] as const)('%j → %s', (roles, expected) => {
    const actor = actorOf([...roles], ELSEWHERE);
    expect(mayManagePlan(actor)).toBe(expected);
    expect(programmeAbilities(actor, programme).update).toBe(expected);
    expect(progressYearAbilities(actor, false)).toEqual({ lockYear: expected, unlockYear: false });
    expect(progressYearAbilities(actor, true)).toEqual({ lockYear: false, unlockYear: expected });
  });
});
