import type { Transaction } from 'kysely';
import { now } from '../domain/clock.ts';
import { insertNewRow } from './newRow.ts';
import type { DB } from './schema.ts';

/** Kinds of entry on a case timeline (支援経過). */
export type CaseEventKind =
  | 'caseAccepted'
  | 'assessmentSaved'
  | 'consentRecorded'
  | 'meetingScheduled'
  | 'meetingHeld'
  | 'confidentialityAcknowledged'
  | 'planDrafted'
  | 'planApproved'
  | 'supportReported'
  | 'monitored'
  | 'closed'
  | 'suspended'
  | 'reopened'
  | 'stageChanged'
  | 'consentWithdrawn'
  | 'sensitiveFactRecorded'
  | 'assigneeChanged'
  | 'progressNoted'
  | 'householdUpdated';

/**
 * Append one entry to a case's timeline, in the transaction of the action that caused it.
 * `summary` is short Japanese text as staff would write it in a 支援経過記録.
 */
export async function recordCaseEvent(
  tx: Transaction<DB>,
  entry: {
    tenantId: string;
    caseId: string;
    kind: CaseEventKind;
    actor: { userId: string; organizationId: string } | null;
    subjectId?: string | null;
    summary: string;
    details?: Record<string, unknown>;
    occurredAt?: Date;
    /** When it was written down, if not now (occurredAt may be earlier: a visit noted afterwards). */
    recordedAt?: Date;
  },
): Promise<void> {
  await insertNewRow(tx, 'case_events', {
    tenant_id: entry.tenantId,
    case_id: entry.caseId,
    occurred_at: entry.occurredAt ?? now(),
    recorded_at: entry.recordedAt ?? now(),
    kind: entry.kind,
    actor_user_id: entry.actor?.userId ?? null,
    actor_organization_id: entry.actor?.organizationId ?? null,
    subject_id: entry.subjectId ?? null,
    summary: entry.summary,
    details: JSON.stringify(entry.details ?? {}),
  });
}
