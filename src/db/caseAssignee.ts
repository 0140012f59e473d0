import type { Transaction } from 'kysely';
import { now } from '../domain/clock.ts';
import type { Executor } from './executor.ts';
import type { DB } from './schema.ts';
import { usersWithOrganization } from './users.ts';

export interface AssignableUserRow {
  id: string;
  display_name: string;
  organization_id: string;
  organization_name: string;
}

/**
 * Who may carry the case as its 担当職員: the active users of the tenant whose (active)
 * organisation takes part in the case with case scope. Ordered by organisation, then name.
 * `userId` narrows the answer to one user (the check of cases.assign).
 */
export async function assignableUsers(
  db: Executor,
  kase: { tenant_id: string; id: string },
  userId?: string,
): Promise<AssignableUserRow[]> {
  let query = usersWithOrganization(db)
    .select(['u.id', 'u.display_name', 'u.organization_id'])
    .where('u.tenant_id', '=', kase.tenant_id)
    .where('u.disabled_at', 'is', null)
    .where('o.disabled_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_participants as cp')
          .select('cp.case_id')
          .where('cp.tenant_id', '=', kase.tenant_id)
          .where('cp.case_id', '=', kase.id)
          .where('cp.scope', '=', 'case')
          .whereRef('cp.organization_id', '=', 'u.organization_id'),
      ),
    );
  if (userId) query = query.where('u.id', '=', userId);
  return query.orderBy('o.name').orderBy('u.display_name').orderBy('u.id').execute();
}

/** Set (or clear, with null) the case's 担当職員. */
export async function setAssignee(tx: Transaction<DB>, caseId: string, userId: string | null): Promise<void> {
  await tx
    .updateTable('cases')
    .set({ assigned_user_id: userId, updated_at: now() })
    .where('id', '=', caseId)
    .execute();
}
