/**
 * The one permission vocabulary of Kasane. Routes declare the permission they need;
 * roles grant sets of permissions. Record-level access (which cases) is a separate check.
 */
export const roles = [
  'admin',
  'coordinator',
  'caseworker',
  'planOfficer',
  'councilMember',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'organization.read',
  'organization.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'consultation.create',
  'case.read',
  'case.coordinate',
  'supportReport.create',
  'plan.read',
  'plan.manage',
  'council.read',
  'council.opinion',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
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

/** The union of the permissions granted by the given roles, in vocabulary order. */
export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  const held = new Set(userRoles.flatMap((role) => grants[role]));
  return permissions.filter((permission) => held.has(permission));
}

/** Whether the given roles grant the permission. */
export function hasPermission(userRoles: readonly Role[], permission: Permission): boolean {
  return userRoles.some((role) => grants[role].includes(permission));
}
