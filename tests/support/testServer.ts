import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import type { Problem } from '../../src/contract/problem.ts';
import type { Database } from '../../src/db/database.ts';
import type { AuditEventTable } from '../../src/db/schema.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { freshDatabase } from './testDatabase.ts';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A user agent over real HTTP: keeps the session cookie and sends the CSRF token on state changes. */
export class ApiClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  /** Where the server listens; set once it has started (see demoApi). */
  constructor(public baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { headers?: Record<string, string>; raw?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && !['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] ??= this.csrfToken;
    let payload: string | undefined = options.raw;
    if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body: payload });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('kasane_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0] ?? '';
      this.cookie = value === 'kasane_session=' ? undefined : value;
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
  patch<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async signIn(loginId: string, password = DEMO_PASSWORD): Promise<ApiResponse> {
    const response = await this.post<{ csrfToken?: string }>('/api/session', { loginId, password });
    this.csrfToken = response.body.csrfToken;
    return response;
  }
}

export interface TestServer {
  /** The newest audit event with this action. */
  latestAudit(action: string): Promise<Selectable<AuditEventTable> | undefined>;
  url: string;
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** A client signed in as a demo user (throws if sign-in fails). */
  as(loginId: string): Promise<ApiClient>;
  anonymous(): ApiClient;
  close(): Promise<void>;
}

/** Sign `client` in as a demo user; throws if the sign-in fails. */
export async function signedIn(client: ApiClient, loginId: string): Promise<ApiClient> {
  const response = await client.signIn(loginId);
  if (response.status !== 200)
    throw new Error(`sign-in as ${loginId} failed: ${JSON.stringify(response.body)}`);
  return client;
}

/** Start Kasane on a fresh database and an ephemeral port; tests talk to it over real HTTP. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await freshDatabase();
  const config: Config = {
    ...loadConfig({ ...process.env, LOG_LEVEL: 'error', ...env }),
    port: 0,
    host: '127.0.0.1',
  };
  const app = await buildApp(config, database);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    database,
    config,
    anonymous: () => new ApiClient(address),
    latestAudit: (action) =>
      database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', action)
        .orderBy('seq', 'desc')
        .executeTakeFirst(),
    as: (loginId) => signedIn(new ApiClient(address), loginId),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** An audit event's details as an object (jsonb comes back parsed on pg and as text on PGlite). */
export const auditDetails = (row: { details: unknown } | undefined) =>
  (typeof row?.details === 'string' ? JSON.parse(row.details) : row?.details) as Record<string, unknown>;

/** The field paths named by a problem response, sorted. */
export const problemFields = (body: unknown) => ((body as Problem).errors ?? []).map((e) => e.field).sort();
