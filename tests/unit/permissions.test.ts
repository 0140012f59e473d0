import { describe, expect, it } from 'vitest';
import {
  hasPermission,
  type Permission,
  permissions,
  permissionsOf,
  type Role,
  roles,
} from '../../src/domain/permissions.ts';

/** The whole role × permission table, stated once: a change to a grant must change this test. */
const expected: Record<Role, Permission[]> = {
  admin: ['organization.read', 'organization.manage', 'user.read', 'user.manage'],
  coordinator: [
    'organization.read',
    'consultation.create',
    'case.read',
    'case.coordinate',
    'supportReport.create',
  ],
  caseworker: ['organization.read', 'consultation.create', 'case.read', 'supportReport.create'],
  planOfficer: ['organization.read', 'plan.read', 'plan.manage', 'council.read'],
  councilMember: ['plan.read', 'council.read', 'council.opinion'],
  auditor: ['organization.read', 'user.read', 'audit.read'],
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
    ]);
    expect(permissionsOf([])).toEqual([]);
  });

  it('keeps council members and auditors away from case data', () => {
    for (const role of ['councilMember', 'auditor', 'planOfficer', 'admin'] as const) {
      expect(hasPermission([role], 'case.read')).toBe(false);
    }
  });
});
