import { describe, expect, it } from 'vitest';
import {
  handoverAbilities,
  handoverDecisionRefusal,
  maySeePossibleDuplicates,
} from '../../../src/domain/policy/handovers.ts';
import { referralAbilities, referralDecisionRefusal } from '../../../src/domain/policy/referrals.ts';
import { actorOf, ELSEWHERE, HOME } from './support.ts';

describe('handovers: decided by the coordinating section they are addressed to, while pending', () => {
  it.each([
    ['the addressed coordinator, pending', actorOf(['coordinator'], HOME), 'pending', null],
    ['the addressed coordinator, accepted', actorOf(['coordinator'], HOME), 'accepted', 409],
    ['the addressed coordinator, returned', actorOf(['coordinator'], HOME), 'returned', 409],
    ['a coordinator of another section', actorOf(['coordinator'], ELSEWHERE), 'pending', 403],
    ['a caseworker of the addressed section', actorOf(['caseworker'], HOME), 'pending', 403],
  ] as const)('%s → %s', (_name, actor, status, expected) => {
    const handover = { to_organization_id: HOME, status };
    expect(handoverDecisionRefusal(actor, handover)?.status ?? null).toBe(expected);
    expect(handoverAbilities(actor, handover)).toEqual({
      accept: expected === null,
      return: expected === null,
    });
  });

  it.each([
    [['coordinator'], true],
    [['caseworker'], false],
    [['admin'], false],
  ] as const)('possible duplicates shown to %j → %s', (roles, expected) => {
    expect(maySeePossibleDuplicates(actorOf([...roles], HOME))).toBe(expected);
  });
});

describe('referrals: answered by the organisation they are addressed to, while pending', () => {
  it.each([
    ['the target caseworker, pending', actorOf(['caseworker'], ELSEWHERE), 'pending', null],
    ['the target coordinator, pending', actorOf(['coordinator'], ELSEWHERE), 'pending', null],
    ['the target, accepted', actorOf(['caseworker'], ELSEWHERE), 'accepted', 409],
    ['the target, declined', actorOf(['caseworker'], ELSEWHERE), 'declined', 409],
    ['another organisation', actorOf(['caseworker'], HOME), 'pending', 403],
    ['a plan officer of the target', actorOf(['planOfficer'], ELSEWHERE), 'pending', 403],
  ] as const)('%s → %s', (_name, actor, status, expected) => {
    const referral = { to_organization_id: ELSEWHERE, status };
    expect(referralDecisionRefusal(actor, referral)?.status ?? null).toBe(expected);
    expect(referralAbilities(actor, referral)).toEqual({
      accept: expected === null,
      decline: expected === null,
    });
  });
});
