import { type Permission, permissionsOf, type Role } from '../../../src/domain/permissions.ts';

/** An actor of the given roles in the given organisation, as the policy functions see one. */
export function actorOf(roles: Role[], organizationId: string, userId = 'user-1') {
  return { userId, organizationId, permissions: new Set<Permission>(permissionsOf(roles)) };
}

export const HOME = 'org-coordinating-section';
export const ELSEWHERE = 'org-partner';
