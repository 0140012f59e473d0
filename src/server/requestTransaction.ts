import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { type AuditEventInput, recordAudit } from '../db/auditTrail.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { actorOf, auditContextOf } from './authentication.ts';

/** What a signed-in request's transaction works with. */
export interface RequestTransaction {
  /** The signed-in actor the gate resolved. */
  actor: Actor;
  /** The one transaction of the request: what is written in it commits or rolls back together. */
  tx: Transaction<DB>;
  /** Record an audit event of this request (one of the route's declared actions) in the transaction. */
  audit: (event: AuditEventInput) => Promise<void>;
}

/**
 * One transaction of a signed-in request, with its actor and its audit recorder: what operations()
 * gives every handler, and what a route registered by hand (a download sent after COMMIT, a status
 * of its own) opens itself.
 */
export function requestTransaction<T>(
  db: Kysely<DB>,
  request: FastifyRequest,
  work: (context: RequestTransaction) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  return db
    .transaction()
    .execute((tx) => work({ actor, tx, audit: (event) => recordAudit(tx, auditContextOf(request), event) }));
}
