import type { AccessLogEntry, AuditEvent } from '../contract/auditEvents.ts';
import type { AuditEventRow } from '../db/auditEvents.ts';

function detailsOf(row: AuditEventRow): Record<string, unknown> {
  const details = typeof row.details === 'string' ? JSON.parse(row.details) : row.details;
  return details && typeof details === 'object' ? (details as Record<string, unknown>) : {};
}

/**
 * Actions whose `details.reason` is a reason a person wrote (not a code such as a closure reason or
 * why a sign-in failed): shown as the event's purpose when it records no `purpose` of its own.
 */
const typedReasonActions = new Set([
  'handover.return',
  'referral.decline',
  'programmeProgress.unlockYear',
  'consent.withdraw',
  'sensitiveFact.grant',
  'sensitiveFact.revokeGrant',
]);

/** What the event recorded as its purpose (print, 開示請求, reveal) or, for some actions, the reason typed. */
export function purposeOf(action: string, details: Record<string, unknown>): string | null {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  return text(details.purpose) ?? (typedReasonActions.has(action) ? text(details.reason) : null);
}

/** 氏名 as the screens write it: family and given name with a space; null when the row is gone. */
export function personNameOf(row: { family_name: string | null; given_name: string | null }): string | null {
  if (row.family_name === null && row.given_name === null) return null;
  return `${row.family_name ?? ''} ${row.given_name ?? ''}`.trim();
}

/**
 * An audit event as the auditor reads it: codes for the action and the resource type (the web app
 * and the CSV name them), and the names of the actor, their organisation, the person and the case
 * instead of bare ids.
 */
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
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    resourceName: row.resource_name ?? null,
    personId: row.person_id,
    personDisposed: row.person_id !== null && row.person_present === null,
    caseId: row.case_id,
    person: row.person_id
      ? {
          id: row.person_id,
          name: personNameOf({ family_name: row.person_family_name, given_name: row.person_given_name }),
        }
      : null,
    case: row.case_id ? { id: row.case_id, caseNumber: row.case_number ?? null } : null,
    legalBasis: row.legal_basis,
    purpose: purposeOf(row.action, details),
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
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    caseId: event.caseId,
    case: event.case,
    legalBasis: event.legalBasis,
    purpose: event.purpose,
  };
}
