import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownMigrations } from '../../src/db/migrate.ts';
import { loggingOptions } from '../../src/server/observability.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let withToken: TestServer;

beforeAll(async () => {
  [server, withToken] = await Promise.all([
    startTestServer(),
    startTestServer({ KASANE_METRICS_TOKEN: 'metrics-token-for-the-test' }),
  ]);
});
afterAll(async () => {
  await server.close();
  await withToken.close();
});

describe('GET /api/ready (health.ready)', () => {
  it('is ready when the database answers and every migration is applied', async () => {
    const response = await server.anonymous().get('/api/ready');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ready',
      database: server.database.kind,
      migrations: { applied: knownMigrations().length, expected: knownMigrations().length },
    });
  });

  it('answers 503 in Japanese when a migration is missing, and ready again once applied', async () => {
    const last = knownMigrations().at(-1) as string;
    const { rows } = await sql<{
      name: string;
      timestamp: string;
    }>`SELECT name, timestamp FROM kasane_migrations WHERE name = ${last}`.execute(server.database.db);
    await sql`DELETE FROM kasane_migrations WHERE name = ${last}`.execute(server.database.db);
    const stale = await server.anonymous().get<{ detail: string }>('/api/ready');
    expect(stale.status).toBe(503);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body.detail).toContain('kasane migrate');
    await sql`INSERT INTO kasane_migrations (name, timestamp) VALUES (${last}, ${rows[0]?.timestamp ?? ''})`.execute(
      server.database.db,
    );
    expect((await server.anonymous().get('/api/ready')).status).toBe(200);
  });
});

describe('GET /metrics', () => {
  it('serves Prometheus text on the loopback interface: requests by operationId, pool, audit lag', async () => {
    const coordinator = await server.as('coordinator');
    const search = await coordinator.get('/api/persons?q=%E3%82%84%E3%81%BE%E3%81%A0');
    expect(search.status).toBeLessThan(500);
    const response = await fetch(new URL('/metrics', server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(
      /kasane_http_requests_total\{operation_id="session.create",method="POST",status="2xx"\} \d+/,
    );
    expect(text).toMatch(
      /kasane_http_request_duration_seconds_bucket\{le="0.005",operation_id="session.create"\}/,
    );
    expect(text).toContain('kasane_audit_unsealed_events');
    expect(text).toContain('kasane_process_cpu_seconds_total');
    // labelled by operation, never by path or query: no ids, no names
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toContain('やまだ');
  });

  it('with KASANE_METRICS_TOKEN needs the bearer token, and hides itself without', async () => {
    expect((await fetch(new URL('/metrics', withToken.url))).status).toBe(404);
    const wrong = await fetch(new URL('/metrics', withToken.url), {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(404);
    const right = await fetch(new URL('/metrics', withToken.url), {
      headers: { authorization: 'Bearer metrics-token-for-the-test' },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('kasane_http_requests_total');
  });
});

describe('request ids and log lines', () => {
  it('answers every request with its id, taking a well-formed X-Request-Id from the proxy', async () => {
    const fresh = await fetch(new URL('/api/health', server.url));
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(new URL('/api/health', server.url), {
      headers: { 'x-request-id': 'nginx-0123456789abcdef' },
    });
    expect(given.headers.get('x-request-id')).toBe('nginx-0123456789abcdef');
    const forged = await fetch(new URL('/api/health', server.url), {
      headers: { 'x-request-id': 'a b;c=<script>' },
    });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a request as method, route pattern and operationId: never its query or the ids in its path', () => {
    const serializers = (
      loggingOptions('info').logger as { serializers: { req(r: FastifyRequest): unknown } }
    ).serializers;
    const logged = serializers.req({
      method: 'GET',
      url: '/api/persons/7d7a3c1e-2f4b-4c1e-9a55-0d1f1b2c3d4e/consents?q=山田太郎',
      routeOptions: { url: '/api/persons/:id/consents', schema: { operationId: 'consents.list' } },
    } as unknown as FastifyRequest);
    expect(logged).toEqual({
      method: 'GET',
      route: '/api/persons/:id/consents',
      operationId: 'consents.list',
    });
  });
});
