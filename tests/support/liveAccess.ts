import { hasPermission, isCaseDataPermission, roles } from '../../src/domain/permissions.ts';
import type { Access } from '../../src/server/actor.ts';
import type { LiveDeclaration } from '../api/accessOracle.ts';

/**
 * What a route's live `x-kasane-access` means in the oracle's terms (tests/api/accessOracle.ts):
 * the roles the access gate lets through, the records it reaches, and whether a refusal is a 404.
 */
export function liveDeclarationOf(operationId: string, access: Access): LiveDeclaration {
  if (access === 'public') return { operationId, roles: 'anyone', records: 'none', hidden: false };
  if (access === 'signedIn') return { operationId, roles: 'signedIn', records: 'none', hidden: false };
  if ('signedIn' in access) return { operationId, roles: 'signedIn', records: access.records, hidden: false };
  return {
    operationId,
    roles: roles.filter((role) => hasPermission([role], access.permission)),
    records: access.records ?? 'participation',
    hidden: isCaseDataPermission(access.permission),
  };
}
