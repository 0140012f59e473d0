import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import {
  passwordChangeSchema,
  revokedCountSchema,
  secondFactorPendingSchema,
  secondFactorSchema,
} from '../../contract/accounts.ts';
import { problemSchema } from '../../contract/problem.ts';
import { type Me, meSchema, signInSchema } from '../../contract/session.ts';
import {
  consumeSignInChallenge,
  createSignInChallenge,
  failSignInChallenge,
  findLiveSignInChallenge,
  findUserTotp,
  spendRecoveryCode,
  spendTotpStep,
  tenantSettingsOf,
} from '../../db/accountSecurity.ts';
import { recordAudit } from '../../db/auditTrail.ts';
import { decoyHash, hashPassword, verifyPassword } from '../../db/passwords.ts';
import type { DB, UserRow } from '../../db/schema.ts';
import { createSession, newToken, revokeOtherSessions, revokeSession } from '../../db/sessions.ts';
import { findUserByLoginId, recordFailedSignIn, recordSignIn } from '../../db/users.ts';
import * as clock from '../../domain/clock.ts';
import { isDemoPassword } from '../../domain/passwordRules.ts';
import { permissionsOf } from '../../domain/permissions.ts';
import { formatTokyoTime } from '../../domain/time.ts';
import { matchTotp, normalizeRecoveryCode } from '../../domain/totp.ts';
import { ownAccountEvent } from '../auditSubjects.ts';
import {
  actorOf,
  clearSessionCookie,
  setSessionCookie,
  signInAuditContext,
  totpEnrolmentRequired,
} from '../authentication.ts';
import type { Config } from '../config.ts';
import { assertAcceptablePassword } from '../passwordPolicy.ts';
import { HttpProblem, invalidField } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';
import type { SecretBox } from '../secretBox.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema };

/** The cookie binding a sign-in that passed the password to its second step. */
export const SIGN_IN_CHALLENGE_COOKIE = 'kasane_signin';
const CHALLENGE_SECONDS = 300;
/** Wrong codes per pending sign-in; they also count towards the account lockout. */
const CHALLENGE_MAX_ATTEMPTS = 3;

async function loadMe(db: Kysely<DB>, userId: string, csrfToken: string, config: Config): Promise<Me> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .leftJoin('user_totp as ut', 'ut.user_id', 'u.id')
    .select([
      'u.id',
      'u.login_id',
      'u.display_name',
      'u.roles',
      'o.id as organization_id',
      'o.name as organization_name',
      'o.kind as organization_kind',
      'o.is_coordinating_section',
      't.id as tenant_id',
      't.name as tenant_name',
      'ut.activated_at as totp_activated_at',
      'u.must_change_password',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const settings = await tenantSettingsOf(db, row.tenant_id);
  return {
    user: { id: row.id, loginId: row.login_id, displayName: row.display_name, roles: row.roles },
    organization: {
      id: row.organization_id,
      name: row.organization_name,
      kind: row.organization_kind,
      isCoordinatingSection: row.is_coordinating_section,
    },
    tenant: { id: row.tenant_id, name: row.tenant_name },
    permissions: permissionsOf(row.roles),
    csrfToken,
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    totpEnrolmentRequired: totpEnrolmentRequired(
      row.roles,
      row.totp_activated_at !== null,
      settings.totpRequiredForStaff,
    ),
    passwordChangeRequired: row.must_change_password,
  };
}

type SignInOutcome =
  | { kind: 'ok'; userId: string; token: string; csrfToken: string }
  | { kind: 'secondFactor'; challengeToken: string; expiresAt: Date }
  | { kind: 'invalid'; attemptsLeft: number | null }
  | { kind: 'locked'; until: Date }
  | { kind: 'demoPassword' };

function lockedProblem(until: Date): HttpProblem {
  const seconds = Math.max(1, Math.ceil((until.getTime() - clock.now().getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new HttpProblem(
    429,
    'auth.locked',
    `ログインに続けて失敗したため、このアカウントを一時的にロックしています（あと約${minutes}分）。${formatTokyoTime(until)}以降に再度お試しいただくか、管理者にロックの解除を依頼してください。`,
    undefined,
    { 'retry-after': String(seconds) },
  );
}

function setChallengeCookie(request: FastifyRequest, reply: FastifyReply, token: string | null): void {
  const options = {
    path: '/api/session',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: request.protocol === 'https',
  };
  if (token) reply.setCookie(SIGN_IN_CHALLENGE_COOKIE, token, { ...options, maxAge: CHALLENGE_SECONDS });
  else reply.clearCookie(SIGN_IN_CHALLENGE_COOKIE, options);
}

/** Complete a sign-in: reset the failure count, open the session, audit it. */
async function openSession(
  tx: Transaction<DB>,
  request: FastifyRequest,
  user: Pick<UserRow, 'id' | 'tenant_id' | 'organization_id' | 'login_id'>,
  config: Config,
  secondFactor: 'totp' | 'recoveryCode' | null,
) {
  await recordSignIn(tx, user.id);
  const session = await createSession(tx, {
    tenantId: user.tenant_id,
    userId: user.id,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    absoluteTimeoutSeconds: config.absoluteTimeoutSeconds,
  });
  await recordAudit(tx, signInAuditContext(request, user), {
    action: 'session.signIn',
    resourceType: 'user',
    resourceId: user.id,
    ...(secondFactor ? { details: { secondFactor } } : {}),
  });
  return session;
}

export function sessionRoutes(
  app: FastifyInstance,
  db: Kysely<DB>,
  config: Config,
  secretBox: SecretBox,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** A sign-in that succeeded: the session cookie, and who the caller now is. */
  const signedIn = (
    request: FastifyRequest,
    reply: FastifyReply,
    session: { token: string; userId: string; csrfToken: string },
  ): Promise<Me> => {
    setSessionCookie(request, reply, session.token, config.absoluteTimeoutSeconds);
    return loadMe(db, session.userId, session.csrfToken, config);
  };

  r.post(
    '/api/session',
    {
      config: {
        access: 'public',
        audit: ['session.signIn', 'session.secondFactorRequested', 'session.signInFailed'],
        rateLimit: { max: config.signInsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        operationId: 'session.create',
        summary: 'Sign in (202 when a second factor is still needed: then POST /api/session/totp)',
        tags: ['session'],
        body: signInSchema,
        response: { 200: meSchema, 202: secondFactorPendingSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { loginId, password } = request.body;
      const outcome = await db.transaction().execute(async (tx): Promise<SignInOutcome> => {
        const user = await findUserByLoginId(tx, loginId);
        const context = { tenantId: user?.tenant_id ?? null, actor: null, ip: request.ip };
        const failed = (reason: string) =>
          recordAudit(tx, context, {
            action: 'session.signInFailed',
            resourceType: 'user',
            resourceId: user?.id ?? null,
            details: { loginId, reason },
          });
        if (!user || user.disabled_at) {
          await verifyPassword(await decoyHash(), password);
          await failed(user ? 'disabled' : 'unknownLoginId');
          return { kind: 'invalid', attemptsLeft: null };
        }
        if (user.locked_until && user.locked_until > clock.now()) {
          await failed('locked');
          return { kind: 'locked', until: user.locked_until };
        }
        const organization = await tx
          .selectFrom('organizations')
          .select('disabled_at')
          .where('id', '=', user.organization_id)
          .executeTakeFirstOrThrow();
        if (!(await verifyPassword(user.password_hash, password)) || organization.disabled_at) {
          const { lockedUntil, failedCount } = await recordFailedSignIn(tx, user.id, config);
          await failed(organization.disabled_at ? 'organizationDisabled' : 'wrongPassword');
          if (lockedUntil) return { kind: 'locked', until: lockedUntil };
          return { kind: 'invalid', attemptsLeft: config.maxFailedSignIns - failedCount };
        }
        // Demo accounts may run a demo; in production their well-known password opens nothing.
        if (config.production && isDemoPassword(password)) {
          await failed('demoPassword');
          return { kind: 'demoPassword' };
        }
        const totp = await findUserTotp(tx, user.id);
        if (totp?.activated_at) {
          const challengeToken = newToken();
          const expiresAt = new Date(clock.now().getTime() + CHALLENGE_SECONDS * 1000);
          await createSignInChallenge(tx, {
            token: challengeToken,
            tenantId: user.tenant_id,
            userId: user.id,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            expiresAt,
          });
          // the password was right; the sign-in waits for the second factor
          await recordAudit(tx, signInAuditContext(request, user), {
            action: 'session.secondFactorRequested',
            resourceType: 'user',
            resourceId: user.id,
          });
          return { kind: 'secondFactor', challengeToken, expiresAt };
        }
        const session = await openSession(tx, request, user, config, null);
        return { kind: 'ok', userId: user.id, ...session };
      });

      switch (outcome.kind) {
        case 'invalid': {
          const warn =
            outcome.attemptsLeft !== null && outcome.attemptsLeft > 0 && outcome.attemptsLeft <= 2
              ? `あと${outcome.attemptsLeft}回続けて失敗すると、アカウントが${Math.ceil(config.lockoutSeconds / 60)}分間ロックされます。`
              : '';
          throw new HttpProblem(
            401,
            'auth.invalidCredentials',
            `ログインIDまたはパスワードが正しくありません。${warn}`,
          );
        }
        case 'locked':
          throw lockedProblem(outcome.until);
        case 'demoPassword':
          throw new HttpProblem(
            403,
            'auth.demoPassword',
            'このアカウントはデモ用の初期パスワードのままのため、本番環境ではログインできません。管理者に新しいパスワードの設定を依頼してください（管理者の場合は kasane コマンドで再設定してください）。',
          );
        case 'secondFactor':
          setChallengeCookie(request, reply, outcome.challengeToken);
          return reply
            .code(202)
            .send({ secondFactorRequired: true, expiresAt: outcome.expiresAt.toISOString() });
        case 'ok':
          return signedIn(request, reply, outcome);
      }
    },
  );

  r.post(
    '/api/session/totp',
    {
      config: {
        access: 'public',
        audit: ['session.signIn', 'session.secondFactorFailed'],
        rateLimit: { max: config.signInsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        operationId: 'session.verifyTotp',
        summary: 'Sign in, second step: a TOTP code or a recovery code for the pending sign-in',
        tags: ['session'],
        body: secondFactorSchema,
        response: { 200: meSchema, ...errors },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SIGN_IN_CHALLENGE_COOKIE];
      const expired = () =>
        new HttpProblem(
          401,
          'auth.signInChallengeExpired',
          '確認コードの入力期限が切れたか、回数の上限に達しました。ログインIDとパスワードからやり直してください。',
        );
      if (!token) throw expired();
      type Outcome =
        | { kind: 'ok'; userId: string; token: string; csrfToken: string }
        | { kind: 'wrong'; spent: boolean }
        | { kind: 'expired' }
        | { kind: 'locked'; until: Date };
      const outcome = await db.transaction().execute(async (tx): Promise<Outcome> => {
        const now = clock.now();
        const challenge = await findLiveSignInChallenge(tx, token, now);
        if (!challenge) return { kind: 'expired' };
        const user = await tx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', challenge.user_id)
          .executeTakeFirst();
        const totp = await findUserTotp(tx, challenge.user_id);
        // a pending sign-in ended because the account changed meanwhile is a failed second step
        const ended = async (reason: string) => {
          await consumeSignInChallenge(tx, challenge.id);
          if (user)
            await recordAudit(tx, signInAuditContext(request, user), {
              action: 'session.secondFactorFailed',
              resourceType: 'user',
              resourceId: user.id,
              details: { reason },
            });
        };
        if (!user || user.disabled_at || !totp?.activated_at) {
          await ended(user?.disabled_at ? 'disabled' : 'totpOff');
          return { kind: 'expired' };
        }
        if (user.locked_until && user.locked_until > now) {
          await ended('locked');
          return { kind: 'locked', until: user.locked_until };
        }
        const code = request.body.code.replace(/\s/g, '');
        let method: 'totp' | 'recoveryCode' | null = null;
        if (/^\d{6}$/.test(code)) {
          const lastUsed = totp.last_used_step === null ? null : Number(totp.last_used_step);
          const step = matchTotp(secretBox.open(totp.secret_encrypted), code, now.getTime(), lastUsed);
          if (step !== null && (await spendTotpStep(tx, user.id, step))) method = 'totp';
        } else if (await spendRecoveryCode(tx, user.id, normalizeRecoveryCode(code))) {
          method = 'recoveryCode';
        }
        const context = signInAuditContext(request, user);
        if (!method) {
          const attempts = await failSignInChallenge(tx, challenge.id, CHALLENGE_MAX_ATTEMPTS);
          const { lockedUntil } = await recordFailedSignIn(tx, user.id, config);
          await recordAudit(tx, context, {
            action: 'session.secondFactorFailed',
            resourceType: 'user',
            resourceId: user.id,
            details: { attempts },
          });
          if (lockedUntil) {
            await consumeSignInChallenge(tx, challenge.id);
            return { kind: 'locked', until: lockedUntil };
          }
          return { kind: 'wrong', spent: attempts >= CHALLENGE_MAX_ATTEMPTS };
        }
        await consumeSignInChallenge(tx, challenge.id);
        const session = await openSession(tx, request, user, config, method);
        return { kind: 'ok', userId: user.id, ...session };
      });
      switch (outcome.kind) {
        case 'expired':
          setChallengeCookie(request, reply, null);
          throw expired();
        case 'locked':
          setChallengeCookie(request, reply, null);
          throw lockedProblem(outcome.until);
        case 'wrong':
          if (outcome.spent) {
            setChallengeCookie(request, reply, null);
            throw expired();
          }
          throw new HttpProblem(
            401,
            'auth.totpInvalid',
            '確認コードが正しくないか、すでに使われています。認証アプリに表示されている新しいコードを入力してください。',
            [{ field: 'code', code: 'invalid', message: '確認コードが正しくありません' }],
          );
        case 'ok':
          setChallengeCookie(request, reply, null);
          return signedIn(request, reply, outcome);
      }
    },
  );

  r.get(
    '/api/session',
    {
      config: {
        access: 'signedIn',
        audit: [],
        allowDuringTotpEnrolment: true,
        allowDuringPasswordChange: true,
      },
      schema: {
        operationId: 'session.get',
        summary: 'The signed-in user, organisation, roles and permissions',
        tags: ['session'],
        response: { 200: meSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return loadMe(db, actor.userId, actor.csrfToken, config);
    },
  );

  r.delete(
    '/api/session',
    {
      config: {
        access: 'signedIn',
        audit: ['session.signOut'],
        allowDuringTotpEnrolment: true,
        allowDuringPasswordChange: true,
      },
      schema: {
        operationId: 'session.delete',
        summary: 'Sign out',
        tags: ['session'],
        response: { 204: z.null().describe('Signed out'), 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        await revokeSession(tx, actor.sessionId);
        await audit(ownAccountEvent(actor, 'session.signOut'));
      });
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/session/password',
    {
      config: {
        access: { signedIn: true, records: 'own' },
        audit: ['session.passwordChange'],
        allowDuringPasswordChange: true,
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
      schema: {
        operationId: 'session.changePassword',
        summary: 'Change my password; my other sessions end',
        tags: ['session'],
        body: passwordChangeSchema,
        response: { 200: revokedCountSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { currentPassword, newPassword } = request.body;
      await assertAcceptablePassword(newPassword, actor.loginId, 'newPassword', [actor.displayName]);
      if (newPassword === currentPassword) {
        throw invalidField(
          'newPassword',
          'sameAsCurrent',
          '現在のパスワードと同じです',
          '新しいパスワードには現在と違うものを指定してください。',
        );
      }
      const newHash = await hashPassword(newPassword);
      return requestTransaction(db, request, async ({ tx, audit }) => {
        const user = await tx
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', actor.userId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (!(await verifyPassword(user.password_hash, currentPassword))) {
          throw invalidField(
            'currentPassword',
            'wrongPassword',
            '現在のパスワードが正しくありません',
            '現在のパスワードが正しくありません。',
          );
        }
        await tx
          .updateTable('users')
          // a change the administrator required is now done
          .set({ password_hash: newHash, must_change_password: false, updated_at: clock.now() })
          .where('id', '=', actor.userId)
          .execute();
        const revoked = await revokeOtherSessions(tx, actor.userId, actor.sessionId);
        await audit(ownAccountEvent(actor, 'session.passwordChange', { otherSessionsEnded: revoked }));
        return { revoked };
      });
    },
  );
}
