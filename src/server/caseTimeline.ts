import type { Transaction } from 'kysely';
import { recordCaseEvent } from '../db/caseEvents.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';

type TimelineEntry = Omit<Parameters<typeof recordCaseEvent>[1], 'tenantId' | 'caseId' | 'actor'>;

/**
 * Put what the signed-in actor has just done on a case's timeline (支援経過), in the transaction
 * of the action: the entry names the actor's user and organisation.
 */
export function recordOnTimeline(
  tx: Transaction<DB>,
  actor: Actor,
  caseId: string,
  entry: TimelineEntry,
): Promise<void> {
  return recordCaseEvent(tx, {
    tenantId: actor.tenantId,
    caseId,
    actor: { userId: actor.userId, organizationId: actor.organizationId },
    ...entry,
  });
}
