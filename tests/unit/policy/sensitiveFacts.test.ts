import { describe, expect, it } from 'vitest';
import {
  mayGrantSensitiveFact,
  mayRecordSensitiveFact,
  mayRevealSensitiveFact,
  mayRevokeGrant,
  sensitiveFactAbilities,
} from '../../../src/domain/policy/sensitiveFacts.ts';
import { actorOf, ELSEWHERE, HOME } from './support.ts';

const RECORDER = 'org-recorder';
const fact = { person_id: 'person-1', recorded_by_organization_id: RECORDER };
const coordinated = new Set(['person-1']);
const none = new Set<string>();

describe('granting a sensitive fact onward: its recording organisation, or the coordinator of a case of the person', () => {
  it.each([
    ['a caseworker of the recording organisation', actorOf(['caseworker'], RECORDER), none, true],
    ['a coordinator coordinating a case of the person', actorOf(['coordinator'], HOME), coordinated, true],
    ['a coordinator not coordinating the person', actorOf(['coordinator'], HOME), none, false],
    [
      'a caseworker of a coordinating section (no case.coordinate)',
      actorOf(['caseworker'], HOME),
      coordinated,
      false,
    ],
    ['a caseworker elsewhere', actorOf(['caseworker'], ELSEWHERE), none, false],
    ['a plan officer of the recording organisation', actorOf(['planOfficer'], RECORDER), none, false],
    ['an auditor of the recording organisation', actorOf(['auditor'], RECORDER), coordinated, false],
  ])('%s → %s', (_name, actor, persons, expected) => {
    expect(mayGrantSensitiveFact(actor, fact, persons)).toBe(expected);
    expect(sensitiveFactAbilities(actor, fact, persons).grant).toBe(expected);
  });
});

describe('revoking a grant: one who may grant, never the recorder’s own grant', () => {
  it.each([
    [true, 'recorder', false],
    [true, 'caseCoordination', true],
    [false, 'caseCoordination', false],
  ])('may grant %s, basis %s → %s', (mayGrant, legalBasis, expected) => {
    expect(mayRevokeGrant(mayGrant, { legal_basis: legalBasis })).toBe(expected);
  });
});

describe('recording and revealing follow the casework permissions', () => {
  it.each([
    [['caseworker'], true, true],
    [['coordinator'], true, true],
    [['planOfficer'], false, false],
    [['auditor'], false, false],
    [['admin'], false, false],
  ] as const)('%j → record %s, reveal %s', (roles, record, reveal) => {
    const actor = actorOf([...roles], HOME);
    expect(mayRecordSensitiveFact(actor)).toBe(record);
    expect(mayRevealSensitiveFact(actor)).toBe(reveal);
    expect(sensitiveFactAbilities(actor, fact, none).reveal).toBe(reveal);
  });
});
