import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type DeniedTargetKind, deniedTargetOf } from '../db/auditEvents.ts';
import { recordAudit } from '../db/auditTrail.ts';
import type { DB } from '../db/schema.ts';
import { auditContextOf } from './authentication.ts';
import { operationIdOf } from './observability.ts';

/** Statuses that tell a signed-in actor "not for you": a refused permission or a record not visible. */
const DENIED = new Set([403, 404]);

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

/** The record kind a route's `:id` names, by the route's first segment after /api/. */
const targetKinds: Record<string, DeniedTargetKind> = {
  cases: 'case',
  persons: 'person',
  consultations: 'consultation',
  plans: 'plan',
  meetings: 'meeting',
  handovers: 'handover',
  placements: 'placement',
  consents: 'consent',
  'sensitive-facts': 'sensitiveFact',
};

/** The kind of record the route names by `:id` (`/api/cases/:id/plans` → a case), if any. */
export function deniedTargetKind(
  route: string | null,
  params: Record<string, string>,
): DeniedTargetKind | null {
  const match = route ? /^\/api\/([a-z-]+)\/:id(?:\/|$)/.exec(route) : null;
  if (!match?.[1] || params.id === undefined) return null;
  return targetKinds[match[1]] ?? null;
}

/**
 * Denied access is an audit event (issue 4): whenever a signed-in actor is answered 403 or 404 on a
 * declared API route — the access gate refused the permission, or the record is not visible to
 * them — an `access.denied` event names the operation, method, path parameters and status.
 *
 * The request's own transaction has rolled back by then (its error is why we answer 4xx), so the
 * event is written in a transaction of its own, once the response is decided and before it is sent.
 * It carries the case and person the request aimed at (from the path's `:id`: a case, a person, or a
 * record inside a case), looked up for the trail only — the refused answer is the same either way —
 * so the auditor filtering by a case or person sees the refused looks at it.
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
      const route = request.routeOptions.url ?? null;
      const kind = deniedTargetKind(route, params);
      const tenantId = request.actor.tenantId;
      await db.transaction().execute(async (tx) => {
        const target =
          kind && params.id
            ? await deniedTargetOf(tx, tenantId, kind, params.id)
            : { caseId: null, personId: null };
        await recordAudit(tx, auditContextOf(request), {
          action: 'access.denied',
          resourceType: 'route',
          resourceId: operationIdOf(request),
          caseId: target.caseId,
          personId: target.personId,
          details: {
            operationId: operationIdOf(request),
            method: request.method,
            route,
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
