import { describe, expect, it } from 'vitest';
import {
  disableOrganizationRefusal,
  disableUserRefusal,
  enablementRefusal,
  organizationAbilities,
  roleChangeRefusal,
  userAbilities,
} from '../../../src/domain/policy/accounts.ts';
import {
  councilMeetingAbilities,
  mayAnswerOpinion,
  opinionRefusal,
} from '../../../src/domain/policy/council.ts';
import { actorOf, ELSEWHERE, HOME } from './support.ts';

const admin = actorOf(['admin'], HOME, 'admin-1');
const auditor = actorOf(['auditor'], HOME, 'auditor-1');
const NOW = new Date('2026-12-02T09:00:00+09:00');
const LATER = new Date('2026-12-02T10:00:00+09:00');

describe('organisations: managed by an admin, never disabling their own', () => {
  it.each([
    ['an admin, another organisation', admin, ELSEWHERE, { update: true, disable: true }],
    ['an admin, their own organisation', admin, HOME, { update: true, disable: false }],
    ['an auditor', auditor, ELSEWHERE, { update: false, disable: false }],
  ])('%s → %j', (_name, actor, id, expected) => {
    expect(organizationAbilities(actor, { id })).toEqual(expected);
  });
  it('refuses disabling one’s own organisation with 409', () => {
    expect(disableOrganizationRefusal(admin, { id: HOME })?.status).toBe(409);
    expect(disableOrganizationRefusal(admin, { id: ELSEWHERE })).toBeNull();
  });
});

describe('enabling and disabling: refused with 409 when the record already is so', () => {
  it.each([
    ['組織', null, true, null],
    ['組織', NOW, true, 'この組織はすでに無効です。'],
    ['ユーザー', NOW, false, null],
    ['ユーザー', null, false, 'このユーザーはすでに有効です。'],
  ] as const)('%s disabled_at=%s disable=%s → %s', (what, disabledAt, disable, message) => {
    const refusal = enablementRefusal(what, { disabled_at: disabledAt }, disable);
    expect(refusal?.message ?? null).toBe(message);
    if (refusal) expect(refusal).toMatchObject({ status: 409, code: 'conflict.state' });
  });
});

describe('users: managed by an admin, never disabling themselves nor dropping their own admin role', () => {
  const user = (id: string, disabled: boolean, lockedUntil: Date | null) => ({
    id,
    disabled_at: disabled ? NOW : null,
    locked_until: lockedUntil,
  });
  it.each([
    [
      'another, active',
      admin,
      user('u2', false, null),
      { update: true, disable: true, unlock: false, resetPassword: true },
    ],
    [
      'another, locked',
      admin,
      user('u2', false, LATER),
      { update: true, disable: true, unlock: true, resetPassword: true },
    ],
    [
      'another, lock expired',
      admin,
      user('u2', false, NOW),
      { update: true, disable: true, unlock: false, resetPassword: true },
    ],
    [
      'another, disabled and locked',
      admin,
      user('u2', true, LATER),
      { update: true, disable: true, unlock: false, resetPassword: false },
    ],
    [
      'oneself',
      admin,
      user('admin-1', false, null),
      { update: true, disable: false, unlock: false, resetPassword: true },
    ],
    [
      'as an auditor',
      auditor,
      user('u2', false, LATER),
      { update: false, disable: false, unlock: false, resetPassword: false },
    ],
  ])('%s → %j', (_name, actor, facts, expected) => {
    expect(userAbilities(actor, facts, NOW)).toEqual(expected);
  });
  it.each([
    ['oneself without admin', 'admin-1', ['caseworker'], 409],
    ['oneself keeping admin', 'admin-1', ['admin', 'caseworker'], null],
    ['oneself, roles unchanged', 'admin-1', undefined, null],
    ['another without admin', 'u2', ['caseworker'], null],
  ] as const)('role change: %s → %s', (_name, id, roles, expected) => {
    expect(roleChangeRefusal(admin, { id }, roles)?.status ?? null).toBe(expected);
  });
  it('refuses disabling oneself with 409', () => {
    expect(disableUserRefusal(admin, { id: 'admin-1' })?.status).toBe(409);
    expect(disableUserRefusal(admin, { id: 'u2' })).toBeNull();
  });
});

describe('the council: members speak for their own organisation while they sit on it; the plan officer answers', () => {
  const member = actorOf(['councilMember'], HOME);
  it.each([
    ['a member for itself', member, undefined, true, null],
    ['a member naming itself', member, HOME, true, null],
    ['a member for another organisation', member, ELSEWHERE, true, 403],
    ['an organisation no longer sitting', member, undefined, false, 403],
    ['a plan officer', actorOf(['planOfficer'], HOME), undefined, true, 403],
  ] as const)('%s → %s', (_name, actor, forOrganization, sits, expected) => {
    expect(opinionRefusal(actor, forOrganization, sits)?.status ?? null).toBe(expected);
  });
  it.each([
    [['councilMember'], { paper: true, recordOpinion: true, attach: false }, false],
    [['planOfficer'], { paper: true, recordOpinion: false, attach: true }, true],
    [['caseworker'], { paper: false, recordOpinion: false, attach: false }, false],
  ] as const)('%j → %j, answers %s', (roles, expected, answers) => {
    const actor = actorOf([...roles], HOME);
    expect(councilMeetingAbilities(actor)).toEqual(expected);
    expect(mayAnswerOpinion(actor)).toBe(answers);
  });
});
