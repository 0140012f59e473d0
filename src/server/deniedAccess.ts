import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/auditTrail.ts';
import type { DB } from '../db/schema.ts';
import { auditContextOf } from './authentication.ts';

/** Statuses that tell a signed-in actor "not for you": a refused permission or a record not visible. */
const DENIED = new Set([403, 404]);

function operationIdOf(request: FastifyRequest): string | null {
  const schema = request.routeOptions.schema as { operationId?: string } | undefined;
  return schema?.operationId ?? null;
}

/** Path parameters as sent, bounded, so a hostile URL cannot bloat the trail. */
function paramsOf(request: FastifyRequest): Record<string, string> {
  const params = (request.params ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value).slice(0, 200)]));
}

function problemCodeOf(payload: unknown): string | null {
  if (typeof payload !== 'string' || !payload.startsWith('{')) return null;
  try {
    const code = (JSON.parse(payload) as { code?: unknown }).code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

/**
 * Denied access is an audit event (issue 4): whenever a signed-in actor is answered 403 or 404 on a
 * declared API route — the access gate refused the permission, or the record is not visible to
 * them — an `access.denied` event names the operation, method, path parameters and status.
 *
 * The request's own transaction has rolled back by then (its error is why we answer 4xx), so the
 * event is written in a transaction of its own, once the response is decided and before it is sent.
 * Writing it must never turn the 4xx into a 500: a failure is logged, and the response goes out.
 * One hook for every route, so no route can forget it.
 */
export function installDeniedAccessAudit(app: FastifyInstance, db: Kysely<DB>): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (
      !DENIED.has(reply.statusCode) ||
      !request.actor ||
      request.routeOptions.config.access === undefined ||
      !request.url.startsWith('/api/')
    )
      return payload;
    try {
      const params = paramsOf(request);
      await db.transaction().execute(async (tx) => {
        await recordAudit(tx, auditContextOf(request), {
          action: 'access.denied',
          resourceType: 'route',
          resourceId: operationIdOf(request),
          details: {
            operationId: operationIdOf(request),
            method: request.method,
            route: request.routeOptions.url ?? null,
            params,
            status: reply.statusCode,
            code: problemCodeOf(payload),
          },
        });
      });
    } catch (error) {
      request.log.error({ err: error }, 'could not record a denied access in the audit trail');
    }
    return payload;
  });
}
