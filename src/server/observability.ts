import { randomUUID } from 'node:crypto';
import { type FastifyInstance, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.ts';

/**
 * Observability without personal data: JSON log lines (pino) each carrying the request id, with
 * the request logged as method, route pattern and operationId only — never the URL's query string
 * (a name search carries a name) nor ids in the path; and Prometheus metrics at `GET /metrics`.
 */

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Fastify options: the request id is the proxy's `X-Request-Id` when well-formed, else a new uuid. */
export function loggingOptions(
  logLevel: string,
): Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'requestIdHeader' | 'logController'> {
  return {
    logger: {
      level: logLevel,
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          route: request.routeOptions?.url ?? null,
          operationId: operationIdOf(request),
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: (request) => {
      const offered = request.headers['x-request-id'];
      return typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
    },
  };
}

/** The operationId of the route a request reached, or null (no route, or a route without one). */
export function operationIdOf(request: FastifyRequest): string | null {
  const schema = request.routeOptions?.schema as { operationId?: string } | undefined;
  return schema?.operationId ?? null;
}

export interface MetricsOptions {
  /** KASANE_METRICS_TOKEN: when set, /metrics needs `Authorization: Bearer <token>`; else loopback only. */
  token: string | undefined;
}

/**
 * Request rate and latency by operationId (never by path: paths carry ids), the database pool's
 * use, the audit trail's sealing lag (events committed but not yet sealed into the chain), and
 * the process's own metrics. One registry per app, so several apps in one process keep apart.
 */
export function installMetrics(app: FastifyInstance, database: Database, options: MetricsOptions): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kasane_' });
  const requests = new Counter({
    name: 'kasane_http_requests_total',
    help: 'HTTP requests answered, by operationId (or "web" / "unknown"), method and status class',
    labelNames: ['operation_id', 'method', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'kasane_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by operationId',
    labelNames: ['operation_id'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'kasane_db_pool_connections',
    help: 'Database pool connections by state (PostgreSQL; the embedded database has one session)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = database.poolStats?.();
      if (!pool) return;
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });
  new Gauge({
    name: 'kasane_audit_unsealed_events',
    help: 'Audit events committed but not yet sealed into their hash chain (the sealing lag)',
    registers: [registry],
    async collect() {
      try {
        const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_pending`.execute(
          database.db,
        );
        this.set(Number(rows[0]?.n ?? 0));
      } catch {
        // a database that cannot answer shows in /api/ready; the metric is left as it was
      }
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const operationId = operationIdOf(request) ?? (request.url.startsWith('/api/') ? 'unknown' : 'web');
    const status = `${Math.floor(reply.statusCode / 100)}xx`;
    requests.inc({ operation_id: operationId, method: request.method, status });
    duration.observe({ operation_id: operationId }, reply.elapsedTime / 1000);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.get('/metrics', { config: { access: 'public' }, logLevel: 'warn' }, async (request, reply) => {
    const allowed = options.token
      ? request.headers.authorization === `Bearer ${options.token}`
      : isLoopback(request.socket.remoteAddress);
    if (!allowed) return reply.code(404).type('text/plain').send('Not Found');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}

/** The connection's own peer address (not X-Forwarded-For: a proxy in front is not "local"). */
function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
