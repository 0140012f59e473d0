import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { problemSchema } from '../../contract/problem.ts';
import { type Me, meSchema, signInSchema } from '../../contract/session.ts';
import { recordAudit } from '../../db/auditTrail.ts';
import type { DB } from '../../db/schema.ts';
import { createSession, revokeSession } from '../../db/sessions.ts';
import { findUserByLoginId, recordFailedSignIn, recordSignIn } from '../../db/users.ts';
import { permissionsOf } from '../../domain/permissions.ts';
import { formatTokyoTime } from '../../domain/time.ts';
import { actorOf, auditContextOf, clearSessionCookie, setSessionCookie } from '../authentication.ts';
import { decoyHash, verifyPassword } from '../passwords.ts';
import { HttpProblem } from '../problem.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema };

async function loadMe(db: Kysely<DB>, userId: string, csrfToken: string, config: Config): Promise<Me> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
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
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
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
  };
}

type SignInOutcome =
  | { kind: 'ok'; userId: string; token: string; csrfToken: string }
  | { kind: 'invalid' }
  | { kind: 'locked'; until: Date };

export function sessionRoutes(app: FastifyInstance, db: Kysely<DB>, config: Config): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/session',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        operationId: 'session.create',
        summary: 'Sign in',
        tags: ['session'],
        body: signInSchema,
        response: { 200: meSchema, ...errors },
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
          return { kind: 'invalid' };
        }
        if (user.locked_until && user.locked_until > new Date()) {
          await failed('locked');
          return { kind: 'locked', until: user.locked_until };
        }
        const organization = await tx
          .selectFrom('organizations')
          .select('disabled_at')
          .where('id', '=', user.organization_id)
          .executeTakeFirstOrThrow();
        if (!(await verifyPassword(user.password_hash, password)) || organization.disabled_at) {
          const { lockedUntil } = await recordFailedSignIn(tx, user.id, config);
          await failed(organization.disabled_at ? 'organizationDisabled' : 'wrongPassword');
          return lockedUntil ? { kind: 'locked', until: lockedUntil } : { kind: 'invalid' };
        }
        await recordSignIn(tx, user.id);
        const session = await createSession(tx, {
          tenantId: user.tenant_id,
          userId: user.id,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          absoluteTimeoutSeconds: config.absoluteTimeoutSeconds,
        });
        await recordAudit(
          tx,
          {
            tenantId: user.tenant_id,
            actor: { userId: user.id, organizationId: user.organization_id, loginId },
            ip: request.ip,
          },
          { action: 'session.signIn', resourceType: 'user', resourceId: user.id },
        );
        return { kind: 'ok', userId: user.id, ...session };
      });

      if (outcome.kind === 'invalid') {
        throw new HttpProblem(
          401,
          'auth.invalidCredentials',
          'ログインIDまたはパスワードが正しくありません。',
        );
      }
      if (outcome.kind === 'locked') {
        const seconds = Math.max(1, Math.ceil((outcome.until.getTime() - Date.now()) / 1000));
        throw new HttpProblem(
          429,
          'auth.locked',
          `ログインに続けて失敗したため、このアカウントを一時的にロックしています。${formatTokyoTime(outcome.until)}以降に再度お試しください。`,
          undefined,
          { 'retry-after': String(seconds) },
        );
      }
      setSessionCookie(request, reply, outcome.token, config.absoluteTimeoutSeconds);
      return loadMe(db, outcome.userId, outcome.csrfToken, config);
    },
  );

  r.get(
    '/api/session',
    {
      config: { access: 'signedIn' },
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
      config: { access: 'signedIn' },
      schema: {
        operationId: 'session.delete',
        summary: 'Sign out',
        tags: ['session'],
        response: { 204: z.null().describe('Signed out'), 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction().execute(async (tx) => {
        await revokeSession(tx, actor.sessionId);
        await recordAudit(tx, auditContextOf(request), {
          action: 'session.signOut',
          resourceType: 'user',
          resourceId: actor.userId,
        });
      });
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );
}
