import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions } from '../../src/domain/permissions.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

interface Operation {
  operationId?: string;
  requestBody?: unknown;
  parameters?: unknown[];
  'x-kasane-access'?: unknown;
  responses?: Record<string, unknown>;
}

let server: TestServer;
let operations: { method: string; path: string; operation: Operation }[];

beforeAll(async () => {
  server = await startTestServer();
  const response = await server
    .anonymous()
    .get<{ openapi: string; paths: Record<string, Record<string, Operation>> }>('/api/openapi.json');
  expect(response.status).toBe(200);
  expect(response.body.openapi).toBe('3.1.0');
  operations = Object.entries(response.body.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method, path, operation })),
  );
});
afterAll(() => server.close());

describe('GET /api/openapi.json', () => {
  it('names every operation <resource>.<verb>, uniquely', () => {
    const ids = operations.map((o) => o.operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(id))).toBe(
      true,
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'health.get',
        'session.create',
        'session.get',
        'session.delete',
        'organizations.list',
        'organizations.get',
        'organizations.create',
        'organizations.update',
        'organizations.disable',
        'organizations.enable',
        'users.list',
        'users.get',
        'users.create',
        'users.update',
        'users.disable',
        'users.enable',
      ]),
    );
  });

  it('declares who may call every operation, with a permission from the vocabulary', () => {
    for (const { method, path, operation } of operations) {
      const access = operation['x-kasane-access'];
      const declared = access as {
        permission?: (typeof permissions)[number];
        signedIn?: boolean;
        records?: string;
      };
      const records = ['participation', 'tenant', 'own', undefined];
      const valid =
        access === 'public' ||
        access === 'signedIn' ||
        (typeof access === 'object' &&
          access !== null &&
          records.includes(declared.records) &&
          (declared.permission !== undefined
            ? permissions.includes(declared.permission)
            : declared.signedIn === true && declared.records === 'own'));
      expect(valid, `${method.toUpperCase()} ${path}`).toBe(true);
    }
  });

  it('documents problem responses for every operation that can fail on input', () => {
    for (const { operation } of operations.filter(
      (o) => o.operation.requestBody || o.operation.parameters?.length,
    )) {
      expect(Object.keys(operation.responses ?? {}), operation.operationId).toContain('400');
    }
  });
});

describe('GET /api/health (health.get)', () => {
  it('answers 200 with the database kind, without sign-in', async () => {
    const response = await server.anonymous().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: server.database.kind });
  });
});

describe('unknown API paths and security headers', () => {
  it('is a 404 problem for an unknown API path', async () => {
    const response = await server.anonymous().get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('sends CSP without unsafe-inline, frame-ancestors none, nosniff, a referrer policy, and no-store on the API', async () => {
    const response = await server.anonymous().get('/api/health');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

/** The raw answer, as a browser that accepts `encoding` gets it (fetch would decompress it). */
function rawGet(url: string, encoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('compression of API answers (issue 15)', () => {
  it('sends a large JSON answer brotli- or gzip-compressed to a client that accepts it, plain otherwise', async () => {
    const url = `${server.url}/api/openapi.json`;
    const plain = await rawGet(url, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await rawGet(url, 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    const gz = await rawGet(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });
});
