import type { Transaction } from 'kysely';
import { now } from '../domain/clock.ts';
import type { Role } from '../domain/permissions.ts';
import type { Executor } from './executor.ts';
import { givenColumns } from './partialUpdate.ts';
import type { DB, UserRow } from './schema.ts';

export type UserWithOrganization = UserRow & { organization_name: string };

/** Users (`u`) with the name of the organisation (`o`) each belongs to. */
export function usersWithOrganization(db: Executor) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select('o.name as organization_name');
}

function withOrganization(db: Executor) {
  return usersWithOrganization(db).selectAll('u');
}

export async function listUsers(
  db: Executor,
  tenantId: string,
  options: { organizationId?: string | undefined; includeDisabled: boolean },
): Promise<UserWithOrganization[]> {
  let query = withOrganization(db).where('u.tenant_id', '=', tenantId);
  if (options.organizationId) query = query.where('u.organization_id', '=', options.organizationId);
  if (!options.includeDisabled) query = query.where('u.disabled_at', 'is', null);
  return query.orderBy('o.name').orderBy('u.login_id').execute();
}

export async function findUser(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<UserWithOrganization | undefined> {
  return withOrganization(db).where('u.tenant_id', '=', tenantId).where('u.id', '=', id).executeTakeFirst();
}

/** Login ids are unique across tenants, so sign-in needs no tenant. */
export async function findUserByLoginId(db: Executor, loginId: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login_id', '=', loginId).executeTakeFirst();
}

export async function loginIdTaken(db: Executor, loginId: string): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('login_id', '=', loginId).executeTakeFirst()) !==
    undefined
  );
}

export async function insertUser(
  tx: Transaction<DB>,
  values: {
    id: string;
    tenantId: string;
    organizationId: string;
    loginId: string;
    displayName: string;
    passwordHash: string;
    roles: Role[];
    mustChangePassword?: boolean | undefined;
  },
): Promise<void> {
  await tx
    .insertInto('users')
    .values({
      id: values.id,
      tenant_id: values.tenantId,
      organization_id: values.organizationId,
      login_id: values.loginId,
      display_name: values.displayName,
      password_hash: values.passwordHash,
      roles: values.roles,
      must_change_password: values.mustChangePassword ?? false,
    })
    .execute();
}

export async function updateUser(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  values: {
    displayName?: string | undefined;
    organizationId?: string | undefined;
    roles?: Role[] | undefined;
    passwordHash?: string | undefined;
    disabledAt?: Date | null;
    mustChangePassword?: boolean | undefined;
  },
): Promise<void> {
  await tx
    .updateTable('users')
    .set({
      ...givenColumns({
        display_name: values.displayName,
        organization_id: values.organizationId,
        roles: values.roles,
        password_hash: values.passwordHash,
        disabled_at: values.disabledAt,
        must_change_password: values.mustChangePassword,
      }),
      updated_at: now(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function recordFailedSignIn(
  tx: Transaction<DB>,
  userId: string,
  policy: { maxFailedSignIns: number; lockoutSeconds: number },
): Promise<{ lockedUntil: Date | null; failedCount: number }> {
  const row = await tx
    .updateTable('users')
    .set((eb) => ({ failed_sign_in_count: eb('failed_sign_in_count', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_sign_in_count')
    .executeTakeFirstOrThrow();
  if (row.failed_sign_in_count < policy.maxFailedSignIns)
    return { lockedUntil: null, failedCount: row.failed_sign_in_count };
  const lockedUntil = new Date(now().getTime() + policy.lockoutSeconds * 1000);
  await tx
    .updateTable('users')
    .set({ locked_until: lockedUntil, failed_sign_in_count: 0 })
    .where('id', '=', userId)
    .execute();
  return { lockedUntil, failedCount: row.failed_sign_in_count };
}

export async function recordSignIn(tx: Transaction<DB>, userId: string): Promise<void> {
  await tx
    .updateTable('users')
    .set({ failed_sign_in_count: 0, locked_until: null, last_sign_in_at: now() })
    .where('id', '=', userId)
    .execute();
}

/** Lift a lockout and forget the failed attempts (admin unlock, password reset). */
export async function clearLockout(tx: Transaction<DB>, userId: string): Promise<void> {
  await tx
    .updateTable('users')
    .set({ failed_sign_in_count: 0, locked_until: null, updated_at: now() })
    .where('id', '=', userId)
    .execute();
}

/** The display name of a user of the municipality (who must exist). */
export async function userDisplayName(db: Executor, tenantId: string, userId: string): Promise<string> {
  const user = await findUser(db, tenantId, userId);
  if (!user) throw new Error(`no user ${userId} in the municipality`);
  return user.display_name;
}
