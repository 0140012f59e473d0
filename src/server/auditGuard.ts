import type { FastifyInstance } from 'fastify';
import { type AuditScope, auditKept, runWithAuditScope } from '../db/auditScope.ts';
import { auditMissing } from './problem.ts';

/**
 * Audit that cannot be forgotten. Every API route declares, next to its access, the audit actions
 * it records (`config.audit`, OpenAPI `x-kasane-audit`); a route without a declaration stops the
 * server from starting. While a handler runs, its declaration is the request's audit scope:
 * - a transaction that changed data cannot commit until one of the declared actions is recorded
 *   (src/db/tenantScopedDriver.ts throws AuditMissingError and the transaction rolls back);
 * - a 2xx answer of a read (GET), or of a write that changed data, that recorded none of its
 *   declared actions is replaced by 500 `server.auditMissing` (a write that changed nothing, such as
 *   a dry run, has nothing to record).
 */
export function installAuditGuard(app: FastifyInstance): void {
  app.decorateRequest('auditScope', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    if (!Array.isArray(route.config?.audit))
      throw new Error(
        `${route.method} ${route.url} declares no audit actions (config.audit; [] if it records none) — see docs/adding-an-operation.md`,
      );
  });

  // A callback hook, so that the handler runs inside the scope (as the tenant scope does).
  app.addHook('preHandler', (request, _reply, done) => {
    const declared = request.routeOptions.config.audit;
    if (!request.url.startsWith('/api/') || !declared || declared.length === 0) return done();
    const scope: AuditScope = {
      operationId: (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId ?? '',
      declared,
      recorded: new Set(),
      changedData: false,
    };
    request.auditScope = scope;
    runWithAuditScope(scope, done);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const scope = request.auditScope;
    if (!scope || reply.statusCode < 200 || reply.statusCode >= 300 || auditKept(scope)) return payload;
    // a write that changed nothing (a dry run, a repeat) has nothing to record
    if (request.method !== 'GET' && !scope.changedData) return payload;
    request.log.error({ operationId: scope.operationId }, 'answered without its declared audit event');
    const problem = auditMissing();
    reply.code(problem.status);
    reply.removeHeader('content-disposition');
    reply.type('application/problem+json; charset=utf-8');
    return JSON.stringify(problem.toProblem(request.url));
  });
}
