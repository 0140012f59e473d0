import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditContext } from '../db/auditTrail.ts';
import type { Database } from '../db/database.ts';
import { findLiveSession, revokeSession, touchSession } from '../db/sessions.ts';
import { runAsTenant } from '../db/tenantContext.ts';
import * as clock from '../domain/clock.ts';
import { hasPermission, isCaseDataPermission, permissionsOf, type Role } from '../domain/permissions.ts';
import type { Actor } from './actor.ts';
import type { Config } from './config.ts';
import { forbidden, HttpProblem, notFound } from './problem.ts';

export const SESSION_COOKIE = 'kasane_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Write last-seen at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 30_000;

/** Roles the city may oblige to use TOTP (tenant setting 「管理者・重層事業担当にTOTPを必須とする」). */
const TOTP_OBLIGED_ROLES: readonly Role[] = ['admin', 'coordinator'];

/** Whether a user must enrol TOTP before anything else: the city requires it for their role and it is off. */
export function totpEnrolmentRequired(
  roles: readonly Role[],
  totpActive: boolean,
  requiredForStaff: boolean,
): boolean {
  return requiredForStaff && !totpActive && roles.some((role) => TOTP_OBLIGED_ROLES.includes(role));
}

const signInRequired = () => new HttpProblem(401, 'auth.required', 'ログインしてください。');

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The session cookie's attributes: the same when it is set and when it is cleared, or it would not clear. */
function sessionCookieOptions(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' } as const;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, { ...sessionCookieOptions(request), maxAge: maxAgeSeconds });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
}

/** The audit context of a request: its actor (if signed in), tenant and client address. */
export function auditContextOf(request: FastifyRequest): AuditContext & { tenantId: string } {
  const actor = request.actor;
  if (!actor) throw signInRequired();
  return {
    tenantId: actor.tenantId,
    actor: { userId: actor.userId, organizationId: actor.organizationId, loginId: actor.loginId },
    ip: request.ip,
  };
}

/** The audit context of a sign-in step by this user: the request has no actor yet. */
export function signInAuditContext(
  request: FastifyRequest,
  user: { id: string; tenant_id: string; organization_id: string; login_id: string },
): AuditContext & { tenantId: string } {
  return {
    tenantId: user.tenant_id,
    actor: { userId: user.id, organizationId: user.organization_id, loginId: user.login_id },
    ip: request.ip,
  };
}

/** The signed-in actor of a request that the access gate has already let through. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw signInRequired();
  return request.actor;
}

/**
 * The one gate every API request passes before its body is even parsed: resolve the session,
 * apply the idle and absolute timeouts, check CSRF on state changes, then the route's declared access.
 */
export function installAuthentication(app: FastifyInstance, database: Database, config: Config): void {
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!request.url.startsWith('/api/') || access === undefined) return;

    const token = request.cookies[SESSION_COOKIE];
    let timedOut = false;
    if (token) {
      const session = await findLiveSession(database.db, token);
      const now = clock.now().getTime();
      if (session) {
        const idle = now - session.lastSeenAt.getTime() > config.idleTimeoutSeconds * 1000;
        const expired = now > session.expiresAt.getTime();
        if (idle || expired) {
          await revokeSession(database.db, session.sessionId);
          clearSessionCookie(request, reply);
          timedOut = true;
        } else {
          if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
            await touchSession(database.db, session.sessionId, new Date(now));
          }
          request.actor = {
            userId: session.userId,
            loginId: session.loginId,
            displayName: session.displayName,
            organizationId: session.organizationId,
            tenantId: session.tenantId,
            roles: session.roles,
            permissions: new Set(permissionsOf(session.roles)),
            sessionId: session.sessionId,
            csrfToken: session.csrfToken,
            totpEnrolmentRequired: totpEnrolmentRequired(
              session.roles,
              session.totpActive,
              session.totpRequiredForStaff,
            ),
            passwordChangeRequired: session.mustChangePassword,
          };
        }
      }
    }

    if (access === 'public') return;
    const actor = request.actor;
    if (!actor) {
      throw timedOut
        ? new HttpProblem(
            401,
            'auth.required',
            '一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。',
          )
        : signInRequired();
    }
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, actor.csrfToken)) {
        throw new HttpProblem(
          403,
          'auth.csrf',
          '画面を再読み込みしてから、もう一度操作してください（CSRFトークンが一致しません）。',
        );
      }
    }
    // A required password change comes first (then, if the city requires it, TOTP enrolment).
    if (actor.passwordChangeRequired) {
      if (request.routeOptions.config.allowDuringPasswordChange !== true)
        throw new HttpProblem(
          403,
          'passwordChangeRequired',
          '管理者がパスワードの変更を求めています。先に「パスワードの変更」で新しいパスワードを設定してください。',
        );
    } else if (actor.totpEnrolmentRequired && request.routeOptions.config.allowDuringTotpEnrolment !== true) {
      throw new HttpProblem(
        403,
        'totpEnrolmentRequired',
        'この市では管理者と重層事業担当に2段階認証（TOTP）が必須です。先に「2段階認証の設定」を完了してください。',
      );
    }
    if (access !== 'signedIn' && 'permission' in access && !hasPermission(actor.roles, access.permission)) {
      throw isCaseDataPermission(access.permission) ? notFound() : forbidden();
    }
  });

  // The handler of a signed-in request runs in its tenant's scope: every connection it takes runs
  // as the row-level-security role on that tenant (src/db/tenantScopedDriver.ts), a second wall
  // behind the checks in each query. A callback hook, because the handler must run inside
  // runAsTenant's callback for the scope to reach it (an async hook's scope would end with it).
  app.addHook('preHandler', (request, _reply, done) => {
    const tenantId = request.actor?.tenantId;
    if (tenantId) runAsTenant(tenantId, done);
    else done();
  });
}
