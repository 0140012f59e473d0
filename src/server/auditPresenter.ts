import type { AccessLogEntry, AuditEvent } from '../contract/auditEvents.ts';
import { auditActionLabels } from '../contract/auditEvents.ts';
import type { AuditEventRow } from '../db/auditEvents.ts';
import type { AuditAction } from '../domain/auditActions.ts';

function detailsOf(row: AuditEventRow): Record<string, unknown> {
  const details = typeof row.details === 'string' ? JSON.parse(row.details) : row.details;
  return details && typeof details === 'object' ? (details as Record<string, unknown>) : {};
}

/** The action's Japanese name; an action no longer in the vocabulary (from an older version) shows as itself. */
export function actionLabel(action: string): string {
  return auditActionLabels[action as AuditAction] ?? action;
}

/** An audit event as the auditor reads it. The purpose a person typed (print, disclosure) is in details. */
export function presentAuditEvent(row: AuditEventRow): AuditEvent {
  const details = detailsOf(row);
  return {
    id: row.id,
    seq: String(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    user: row.actor_user_id
      ? { id: row.actor_user_id, loginId: row.actor_login_id, displayName: row.actor_display_name }
      : null,
    organization: row.actor_organization_id
      ? { id: row.actor_organization_id, name: row.actor_organization_name }
      : null,
    action: row.action,
    actionLabel: actionLabel(row.action),
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    personId: row.person_id,
    personDisposed: row.person_id !== null && row.person_present === null,
    caseId: row.case_id,
    legalBasis: row.legal_basis,
    purpose: typeof details.purpose === 'string' ? details.purpose : null,
    ip: row.ip,
    details,
  };
}

/** One line of a person's 閲覧履歴: no details, no address — who, where from, when, what, why. */
export function presentAccessLogEntry(row: AuditEventRow): AccessLogEntry {
  const event = presentAuditEvent(row);
  return {
    id: event.id,
    occurredAt: event.occurredAt,
    user: event.user,
    organization: event.organization,
    action: event.action,
    actionLabel: event.actionLabel,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    caseId: event.caseId,
    legalBasis: event.legalBasis,
    purpose: event.purpose,
  };
}
