import type { AuditAction, AuditEventInput } from '../db/auditTrail.ts';
import type { Actor } from './actor.ts';

/** An audit event about the signed-in user's own account: their sessions, TOTP or password. */
export function ownAccountEvent(
  actor: Pick<Actor, 'userId'>,
  action: AuditAction,
  details?: Record<string, unknown>,
): AuditEventInput {
  return { action, resourceType: 'user', resourceId: actor.userId, details };
}

/** An audit event about a person's own record, which their access log (誰が見たか) lists. */
export function personEvent(
  personId: string,
  action: AuditAction,
  details?: Record<string, unknown>,
): AuditEventInput {
  return { action, resourceType: 'person', resourceId: personId, personId, details };
}

/** An audit event about a case as a whole, naming the case and its primary person. */
export function caseEvent(
  kase: { id: string; primary_person_id: string },
  action: AuditAction,
  details?: Record<string, unknown>,
): AuditEventInput {
  return {
    action,
    resourceType: 'case',
    resourceId: kase.id,
    caseId: kase.id,
    personId: kase.primary_person_id,
    details,
  };
}
