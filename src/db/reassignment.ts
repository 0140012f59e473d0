import { sql, type Transaction } from 'kysely';
import { now } from '../domain/clock.ts';
import type { Executor } from './executor.ts';
import type { DB } from './schema.ts';

/**
 * Every responsibility in the schema that is held by a PERSON rather than an organisation.
 * Handovers, referrals, plan items, a case's lead agency (主担当機関) and meeting invitations are
 * addressed to organisations and stay put when staff change; the `*_by` columns record who did
 * something and are history, never moved. What remains is the case's 担当職員.
 */
const openCase = sql<boolean>`stage <> 'closed'`;

/** Open cases assigned to each of the given users (closed ones stay with whoever carried them). */
export async function openCasesByUser(db: Executor, tenantId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('cases')
    .select(['assigned_user_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('assigned_user_id', 'in', userIds)
    .where(openCase)
    .groupBy('assigned_user_id')
    .execute();
  return new Map(rows.map((row) => [row.assigned_user_id ?? '', Number(row.n)]));
}

/** Move a user's open cases to another user; returns the ids moved. */
export async function moveOpenCases(
  tx: Transaction<DB>,
  tenantId: string,
  fromUserId: string,
  toUserId: string,
): Promise<string[]> {
  const rows = await tx
    .updateTable('cases')
    .set({ assigned_user_id: toUserId, updated_at: now() })
    .where('tenant_id', '=', tenantId)
    .where('assigned_user_id', '=', fromUserId)
    .where(openCase)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
