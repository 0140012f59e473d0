import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { revokedCountSchema, sessionIdParamsSchema, sessionListSchema } from '../../contract/accounts.ts';
import type { DB } from '../../db/schema.ts';
import { listLiveSessionsOfUser, revokeOtherSessions, revokeSessionOfUser } from '../../db/sessions.ts';
import { now } from '../../domain/clock.ts';
import { summarizeUserAgent } from '../../domain/userAgent.ts';
import { ownAccountEvent } from '../auditSubjects.ts';
import { actorOf, clearSessionCookie } from '../authentication.ts';
import type { Config } from '../config.ts';
import { operations, readErrors } from '../operation.ts';
import { notFound } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';

/** 「ログイン中の端末」: my own sessions, and ending them. Nobody sees another user's devices here. */
export function sessionListRoutes(app: FastifyInstance, db: Kysely<DB>, config: Config): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const op = operations(app, db, { tags: ['session'] });

  op.get(
    '/api/sessions',
    {
      operationId: 'sessions.list',
      access: { signedIn: true, records: 'own' },
      audit: ['session.list'],
      summary: 'My signed-in devices (never the token)',
      response: { 200: sessionListSchema },
    },
    async ({ actor, tx, audit }) => {
      const rows = await listLiveSessionsOfUser(tx, actor.userId, now(), config.idleTimeoutSeconds);
      await audit(ownAccountEvent(actor, 'session.list', { count: rows.length }));
      return {
        items: rows.map((row) => {
          const agent = summarizeUserAgent(row.user_agent);
          return {
            id: row.id,
            createdAt: row.created_at.toISOString(),
            lastSeenAt: row.last_seen_at.toISOString(),
            ip: row.ip,
            ...agent,
            current: row.id === actor.sessionId,
            abilities: { revoke: true },
          };
        }),
      };
    },
  );

  r.delete(
    '/api/sessions/:id',
    {
      config: { access: { signedIn: true, records: 'own' }, audit: ['session.revoke'] },
      schema: {
        operationId: 'sessions.revoke',
        summary: 'Sign out one of my devices (the current one signs me out)',
        tags: ['session'],
        params: sessionIdParamsSchema,
        response: { 204: z.null().describe('Signed out that device'), ...readErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const current = request.params.id === actor.sessionId;
      await requestTransaction(db, request, async ({ tx, audit }) => {
        if (!(await revokeSessionOfUser(tx, actor.userId, request.params.id))) throw notFound();
        await audit(
          ownAccountEvent(actor, 'session.revoke', { session: request.params.id.slice(0, 12), current }),
        );
      });
      if (current) clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  op.post(
    '/api/sessions/revoke-others',
    {
      operationId: 'sessions.revokeOthers',
      access: { signedIn: true, records: 'own' },
      audit: ['session.revoke'],
      summary: 'Sign out every device but this one (この端末以外をログアウト)',
      response: { 200: revokedCountSchema },
    },
    async ({ actor, tx, audit }) => {
      const revoked = await revokeOtherSessions(tx, actor.userId, actor.sessionId);
      await audit(ownAccountEvent(actor, 'session.revoke', { others: true, revoked }));
      return { revoked };
    },
  );
}
