import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import * as clock from '../domain/clock.ts';
import type { Executor } from './executor.ts';
import { insertNewRows } from './newRow.ts';
import type { DB } from './schema.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The city's account-security settings, with defaults when none were saved yet. */
export async function tenantSettingsOf(db: Executor, tenantId: string) {
  const row = await db
    .selectFrom('tenant_settings')
    .select(['totp_required_for_staff', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return { totpRequiredForStaff: row?.totp_required_for_staff ?? false, updatedAt: row?.updated_at ?? null };
}

export async function saveTenantSettings(
  tx: Transaction<DB>,
  tenantId: string,
  userId: string,
  values: { totpRequiredForStaff: boolean },
): Promise<void> {
  const now = clock.now();
  await tx
    .insertInto('tenant_settings')
    .values({
      tenant_id: tenantId,
      totp_required_for_staff: values.totpRequiredForStaff,
      updated_by: userId,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({
        totp_required_for_staff: values.totpRequiredForStaff,
        updated_by: userId,
        updated_at: now,
      }),
    )
    .execute();
}

export async function findUserTotp(db: Executor, userId: string) {
  return db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Start (or restart) enrolment: a new, not yet active secret replaces any pending one. */
export async function savePendingTotp(
  tx: Transaction<DB>,
  values: { userId: string; tenantId: string; secretEncrypted: string },
): Promise<void> {
  await tx.deleteFrom('user_totp').where('user_id', '=', values.userId).execute();
  await tx
    .insertInto('user_totp')
    .values({
      user_id: values.userId,
      tenant_id: values.tenantId,
      secret_encrypted: values.secretEncrypted,
      activated_at: null,
      last_used_step: null,
    })
    .execute();
}

export async function activateTotp(tx: Transaction<DB>, userId: string, step: number): Promise<void> {
  await tx
    .updateTable('user_totp')
    .set({ activated_at: clock.now(), last_used_step: step })
    .where('user_id', '=', userId)
    .execute();
}

/**
 * Record a used step, only if it is newer than the last one: false means another request used
 * this (or a later) code first, which is a replay.
 */
export async function spendTotpStep(tx: Transaction<DB>, userId: string, step: number): Promise<boolean> {
  const result = await tx
    .updateTable('user_totp')
    .set({ last_used_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step as never)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function removeTotp(tx: Transaction<DB>, userId: string): Promise<void> {
  await tx.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  await tx.deleteFrom('user_totp').where('user_id', '=', userId).execute();
}

/** Replace a user's recovery codes (normalised codes in; only their hashes are stored). */
export async function replaceRecoveryCodes(
  tx: Transaction<DB>,
  userId: string,
  codes: string[],
): Promise<void> {
  await tx.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  await insertNewRows(
    tx,
    'totp_recovery_codes',
    codes.map((code) => ({ user_id: userId, code_hash: sha256(code), used_at: null })),
  ).execute();
}

/** Use a recovery code once: true when an unused one matched (it is now spent). */
export async function spendRecoveryCode(
  tx: Transaction<DB>,
  userId: string,
  normalizedCode: string,
): Promise<boolean> {
  const result = await tx
    .updateTable('totp_recovery_codes')
    .set({ used_at: clock.now() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', sha256(normalizedCode))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recoveryCodesLeft(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('totp_recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A sign-in waiting for its second factor, under the hash of its cookie token. */
export async function createSignInChallenge(
  tx: Transaction<DB>,
  values: {
    token: string;
    tenantId: string;
    userId: string;
    ip: string | null;
    userAgent: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await tx
    .insertInto('sign_in_challenges')
    .values({
      id: sha256(values.token),
      tenant_id: values.tenantId,
      user_id: values.userId,
      ip: values.ip,
      user_agent: values.userAgent?.slice(0, 500) ?? null,
      expires_at: values.expiresAt,
      consumed_at: null,
    })
    .execute();
}

/** The live challenge of a token (locked FOR UPDATE so two tries cannot both pass), or undefined. */
export async function findLiveSignInChallenge(tx: Transaction<DB>, token: string, now: Date) {
  return tx
    .selectFrom('sign_in_challenges')
    .selectAll()
    .where('id', '=', sha256(token))
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
}

export async function consumeSignInChallenge(tx: Transaction<DB>, id: string): Promise<void> {
  await tx.updateTable('sign_in_challenges').set({ consumed_at: clock.now() }).where('id', '=', id).execute();
}

/** Count a wrong second factor; the challenge is spent after `maxAttempts`. Returns the new count. */
export async function failSignInChallenge(
  tx: Transaction<DB>,
  id: string,
  maxAttempts: number,
): Promise<number> {
  const row = await tx
    .updateTable('sign_in_challenges')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_attempts')
    .executeTakeFirstOrThrow();
  if (row.failed_attempts >= maxAttempts) await consumeSignInChallenge(tx, id);
  return row.failed_attempts;
}
