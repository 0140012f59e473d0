import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditTrail } from '../../src/db/auditTrail.ts';
import { openPostgres } from '../../src/db/database.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import { databaseUrlFor, testBackend } from '../support/backend.ts';
import { freePort, ServerProcess } from '../support/serverProcess.ts';

/**
 * Several app nodes on one PostgreSQL: two real Kasane processes (`bin/kasane.mjs start`) on one
 * database behind a round-robin client. Everything shared lives in the database — sessions,
 * sign-in throttling (the @fastify/rate-limit store of src/server/rateLimitStore.ts), lockout
 * counts, the export limit — so a session made on one node works on the other, the sign-in limit
 * holds across both, and 50 concurrent writers spread over both lose nothing.
 *
 * PostgreSQL only: the embedded database (PGlite) belongs to one process by design (its data
 * directory is locked), so there is no second node to run there.
 */

const WRITERS = 50;
const WRITES_PER_WRITER = 8;
/** The sign-in route's limit per client address and minute (src/server/routes/session.ts). */
const SIGN_IN_LIMIT = 30;
const caseworkers = ['houkatsu', 'shogai', 'hogo', 'hogokansatsu'];

/** A node's settings: the one shared database, no demo data, a pool of five connections. */
const nodeEnv = (url: string) => ({ DATABASE_URL: url, KASANE_DEMO: 'false', KASANE_DB_POOL_SIZE: '5' });

/** A browser behind a round-robin load balancer: each request goes to the next node. */
class RoundRobinClient {
  cookie = '';
  csrf = '';
  next = 0;
  readonly served: number[] = [];
  constructor(
    readonly nodes: ServerProcess[],
    readonly address: string,
  ) {}
  async request(method: string, url: string, body?: unknown, node?: number) {
    const index = node ?? this.next++ % this.nodes.length;
    this.served.push(index);
    const target = this.nodes[index] as ServerProcess;
    const response = await fetch(`${target.base}${url}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        'x-forwarded-for': this.address,
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('kasane_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    const json =
      text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    return { status: response.status, body: json as Record<string, unknown>, node: index };
  }
  async signIn(loginId: string, node?: number) {
    const response = await this.request('POST', '/api/session', { loginId, password: DEMO_PASSWORD }, node);
    if (response.status === 200) this.csrf = String(response.body.csrfToken);
    return response;
  }
}

const onPostgres = testBackend() === 'postgres';
let nodes: ServerProcess[] = [];
let url = '';
let name = '';

describe.skipIf(!onPostgres)(
  'two Kasane nodes on one PostgreSQL database (skipped on the embedded database: one process owns it)',
  () => {
    beforeAll(async () => {
      name = `kasane_nodes_${process.pid}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('databaseTemplate')}`);
      await admin.end();
      url = databaseUrlFor(name);
      nodes = [
        new ServerProcess(nodeEnv(url), await freePort()),
        new ServerProcess(nodeEnv(url), await freePort()),
      ];
      // started together: both run their migrations, under the advisory lock
      await Promise.all(nodes.map((node) => node.start()));
    });
    afterAll(async () => {
      await Promise.all(nodes.map((node) => node.stop()));
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });

    it('a session made on one node works on the other, and signing out on one ends it on both', async () => {
      const client = new RoundRobinClient(nodes, '10.1.0.1');
      expect((await client.signIn('coordinator', 0)).status).toBe(200);
      const onOther = await client.request('GET', '/api/session', undefined, 1);
      expect(onOther.status).toBe(200);
      expect(onOther.body).toMatchObject({ user: { loginId: 'coordinator' } });
      // round robin from here on: every request lands on the other node than the one before
      for (let i = 0; i < 4; i++)
        expect((await client.request('GET', '/api/cases?limit=5')).status).toBe(200);
      expect(new Set(client.served)).toEqual(new Set([0, 1]));
      expect((await client.request('DELETE', '/api/session', undefined, 1)).status).toBe(204);
      expect((await client.request('GET', '/api/session', undefined, 0)).status).toBe(401);
    });

    it('the sign-in limit per client holds across both nodes', async () => {
      const client = new RoundRobinClient(nodes, '10.2.0.1');
      const statuses: number[] = [];
      // unknown login ids: refused with 401 and never a lockout, so only the rate limit can say 429
      for (let i = 0; i < SIGN_IN_LIMIT; i++)
        statuses.push(
          (await client.request('POST', '/api/session', { loginId: `nobody-${i}`, password: 'x' })).status,
        );
      expect(statuses).toEqual(Array(SIGN_IN_LIMIT).fill(401));
      // each node has served only half of them; a per-process count would let both go on
      const refused = [
        await client.request('POST', '/api/session', { loginId: 'nobody', password: 'x' }, 0),
        await client.request('POST', '/api/session', { loginId: 'nobody', password: 'x' }, 1),
      ];
      expect(refused.map((r) => r.status)).toEqual([429, 429]);
      // another client is not affected
      expect((await new RoundRobinClient(nodes, '10.2.0.2').signIn('houkatsu')).status).toBe(200);
    });

    it('the lockout count is shared: failures on either node add up', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const client = new RoundRobinClient(nodes, `10.3.0.${i + 1}`);
        statuses.push(
          (
            await client.request(
              'POST',
              '/api/session',
              { loginId: 'plan', password: 'wrong-password-123' },
              i % 2,
            )
          ).status,
        );
      }
      expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
      expect(statuses[4]).toBe(429);
      const afterwards = await new RoundRobinClient(nodes, '10.3.1.1').signIn('plan', 1);
      expect(afterwards.status).toBe(429);
      expect(afterwards.body).toMatchObject({ code: 'auth.locked' });
    });

    it(`${WRITERS} concurrent writers spread over both nodes lose nothing, and the audit trail verifies`, async () => {
      const writers = Array.from(
        { length: WRITERS },
        (_, i) => new RoundRobinClient(nodes, `10.4.${Math.floor(i / 250)}.${(i % 250) + 1}`),
      );
      await Promise.all(
        writers.map(async (writer, i) => {
          writer.next = i % 2;
          const signIn = await writer.signIn(caseworkers[i % caseworkers.length] as string);
          if (signIn.status !== 200)
            throw new Error(`sign-in: ${signIn.status} ${JSON.stringify(signIn.body)}`);
        }),
      );
      const acknowledged: string[] = [];
      await Promise.all(
        writers.map(async (writer, i) => {
          for (let n = 0; n < WRITES_PER_WRITER; n++) {
            const response = await writer.request('POST', '/api/persons', {
              familyName: `二台${i}`,
              givenName: `${n}`,
              familyNameKana: 'ニダイ',
              givenNameKana: 'テスト',
            });
            expect(response.status, JSON.stringify(response.body)).toBe(201);
            acknowledged.push(String(response.body.id));
          }
        }),
      );
      expect(acknowledged).toHaveLength(WRITERS * WRITES_PER_WRITER);
      for (const writer of writers) expect(new Set(writer.served)).toEqual(new Set([0, 1]));

      const database = openPostgres(url, 2);
      try {
        const stored = await database.db
          .selectFrom('persons')
          .select('id')
          .where('family_name', 'like', '二台%')
          .execute();
        expect(new Set(stored.map((p) => p.id))).toEqual(new Set(acknowledged));
        const created = await database.db
          .selectFrom('audit_events')
          .select('resource_id')
          .where('action', '=', 'person.create')
          .where('resource_id', 'in', acknowledged)
          .execute();
        expect(created).toHaveLength(acknowledged.length);
        expect((await verifyAuditTrail(database.db)).ok).toBe(true);
      } finally {
        await database.close();
      }
    });
  },
);
