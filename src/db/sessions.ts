import { createHash, randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import * as clock from '../domain/clock.ts';
import type { Role } from '../domain/permissions.ts';
import { compiledOnce } from './compiledOnce.ts';
import type { Executor } from './executor.ts';
import type { DB } from './schema.ts';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored under the token's hash, so a database dump does not hold usable cookies. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionRecord {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  loginId: string;
  displayName: string;
  roles: Role[];
  organizationId: string;
  tenantId: string;
  totpActive: boolean;
  totpRequiredForStaff: boolean;
  mustChangePassword: boolean;
}

/** The live session for a token with its active user, or undefined (every request runs it: compiled once). */
const liveSession = compiledOnce({ sessionId: true }, (db, { sessionId }: { sessionId: string }) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .leftJoin('user_totp as ut', 'ut.user_id', 'u.id')
    .leftJoin('tenant_settings as ts', 'ts.tenant_id', 'u.tenant_id')
    .select((eb) => [
      sql<boolean>`ut.activated_at IS NOT NULL`.as('totpActive'),
      eb.fn.coalesce('ts.totp_required_for_staff', eb.lit(false)).as('totpRequiredForStaff'),
    ])
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'u.id as userId',
      'u.login_id as loginId',
      'u.display_name as displayName',
      'u.roles as roles',
      'u.organization_id as organizationId',
      'u.tenant_id as tenantId',
      'u.must_change_password as mustChangePassword',
    ])
    .where('s.id', '=', sessionId)
    .where('s.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .where('o.disabled_at', 'is', null),
);

export async function findLiveSession(db: Executor, token: string): Promise<SessionRecord | undefined> {
  const [session] = await liveSession(db, { sessionId: sessionIdOf(token) });
  return session;
}

/**
 * Days a session's row — with the client address and browser it was opened from — is kept after the
 * session could last be used; spent sign-in challenges likewise. The audit trail keeps every sign-in
 * and sign-out; these rows only serve the sessions themselves.
 */
export const SIGN_IN_RECORD_KEEP_DAYS = 90;

/** Sign-in records that ended before this moment may go. */
export function signInRecordsEndedBefore(now: Date): Date {
  return new Date(now.getTime() - SIGN_IN_RECORD_KEEP_DAYS * 24 * 3600 * 1000);
}

/**
 * Forget a municipality's sessions and sign-in challenges (the second-factor step) that ended more
 * than {@link SIGN_IN_RECORD_KEEP_DAYS} ago. Each ends at its expiry at the latest, whether it was
 * signed out, spent, went idle or ran its course, so the expiry alone tells which may go. Every
 * sign-in does this for its municipality (through the `…_tenant_expiry_idx` indexes), so the rows
 * kept follow the sign-ins of that period, not of all time.
 */
export async function forgetEndedSignInRecords(
  tx: Transaction<DB>,
  tenantId: string,
  now: Date,
): Promise<void> {
  const before = signInRecordsEndedBefore(now);
  await tx
    .deleteFrom('sessions')
    .where('tenant_id', '=', tenantId)
    .where('expires_at', '<', before)
    .execute();
  await tx
    .deleteFrom('sign_in_challenges')
    .where('tenant_id', '=', tenantId)
    .where('expires_at', '<', before)
    .execute();
}

export async function createSession(
  tx: Transaction<DB>,
  input: {
    tenantId: string;
    userId: string;
    ip: string | null;
    userAgent: string | null;
    absoluteTimeoutSeconds: number;
  },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const now = clock.now();
  await tx
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      tenant_id: input.tenantId,
      user_id: input.userId,
      csrf_token: csrfToken,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + input.absoluteTimeoutSeconds * 1000),
    })
    .execute();
  await forgetEndedSignInRecords(tx, input.tenantId, now);
  return { token, csrfToken };
}

export async function revokeSession(db: Executor, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: clock.now() }).where('id', '=', sessionId).execute();
}

/** End every session of a user at once (disabling an account, a password change). */
export function revokeUserSessions(db: Executor, userId: string): Promise<number> {
  return revokeLiveSessions(db, userId);
}

export async function touchSession(db: Executor, sessionId: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

/** A user's live sessions, newest first (sessions_user_live_idx). Expired ones are left out. */
export async function listLiveSessionsOfUser(db: Executor, userId: string, now: Date, idleSeconds: number) {
  return db
    .selectFrom('sessions')
    .select(['id', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', new Date(now.getTime() - idleSeconds * 1000))
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revoke one live session of a user; false when there is none with that id (someone else's included). */
export async function revokeSessionOfUser(db: Executor, userId: string, sessionId: string): Promise<boolean> {
  return (await revokeLiveSessions(db, userId, { only: sessionId })) > 0;
}

/** End every session of a user but one (a password change keeps the device it was made on). */
export function revokeOtherSessions(db: Executor, userId: string, keepSessionId: string): Promise<number> {
  return revokeLiveSessions(db, userId, { except: keepSessionId });
}

/** Revoke a user's live sessions: all of them, only one, or all but one. Answers how many were live. */
async function revokeLiveSessions(
  db: Executor,
  userId: string,
  which: { only?: string; except?: string } = {},
): Promise<number> {
  let query = db.updateTable('sessions').set({ revoked_at: clock.now() }).where('user_id', '=', userId);
  if (which.only !== undefined) query = query.where('id', '=', which.only);
  if (which.except !== undefined) query = query.where('id', '!=', which.except);
  const result = await query.where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
