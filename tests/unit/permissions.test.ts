import { describe, expect, it } from 'vitest';
import {
  hasPermission,
  isCaseDataPermission,
  type Permission,
  permissions,
  permissionsOf,
  type Role,
  roles,
} from '../../src/domain/permissions.ts';

const casework: Permission[] = [
  'person.read',
  'person.create',
  'consultation.read',
  'consultation.create',
  'referral.decide',
  'handover.create',
  'case.read',
  'supportReport.create',
  'task.read',
  'sensitiveFact.read',
  'sensitiveFact.manage',
  'placement.manage',
  'outreach.record',
];

/** The whole role × permission table, stated once: a change to a grant must change this test. */
const expected: Record<Role, Permission[]> = {
  admin: ['organization.read', 'organization.manage', 'user.read', 'user.manage', 'retention.manage'],
  coordinator: [
    'organization.read',
    ...casework,
    'person.link',
    'handover.decide',
    'case.coordinate',
    'plan.read',
    'programmeProgress.edit',
    'person.accessLog',
    'resource.read',
    'resource.manage',
    'statistics.read',
    'retention.manage',
    'disposal.approve',
  ],
  caseworker: [
    'organization.read',
    ...casework,
    'plan.read',
    'programmeProgress.edit',
    'resource.read',
    'statistics.read',
  ],
  planOfficer: [
    'organization.read',
    'plan.read',
    'plan.manage',
    'council.read',
    'council.manage',
    'programmeProgress.edit',
    'resource.read',
    'resource.manage',
    'statistics.read',
  ],
  councilMember: ['plan.read', 'council.read', 'council.opinion'],
  auditor: ['organization.read', 'user.read', 'audit.read', 'disclosure.export'],
};

describe('permissions', () => {
  for (const role of roles) {
    for (const permission of permissions) {
      const granted = expected[role].includes(permission);
      it(`${role} ${granted ? 'has' : 'lacks'} ${permission}`, () => {
        expect(hasPermission([role], permission)).toBe(granted);
      });
    }
  }

  it('unions the permissions of several roles in vocabulary order', () => {
    expect(permissionsOf(['auditor', 'admin'])).toEqual([
      'organization.read',
      'organization.manage',
      'user.read',
      'user.manage',
      'audit.read',
      'disclosure.export',
      'retention.manage',
    ]);
    expect(permissionsOf([])).toEqual([]);
  });

  it('keeps council members, auditors, plan officers and admins away from case data', () => {
    for (const role of ['councilMember', 'auditor', 'planOfficer', 'admin'] as const) {
      for (const permission of permissions.filter(isCaseDataPermission)) {
        expect(hasPermission([role], permission), `${role} ${permission}`).toBe(false);
      }
    }
  });

  it('marks exactly the casework permissions as case data (answered 404, not 403)', () => {
    expect(permissions.filter(isCaseDataPermission).sort()).toEqual(
      [...casework, 'person.link', 'handover.decide', 'case.coordinate', 'person.accessLog'].sort(),
    );
  });
});
