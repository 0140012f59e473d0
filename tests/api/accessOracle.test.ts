import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../src/server/actor.ts';
import { liveDeclarationOf } from '../support/liveAccess.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { accessOracle, differencesFromOracle, type LiveDeclaration } from './accessOracle.ts';

/**
 * The live access declarations against the hand-written oracle, and proof that the comparison
 * catches a weakened declaration (the matrix runs the same comparison, and its expectations come
 * from the oracle too).
 */

let server: TestServer;
let live: LiveDeclaration[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const doc = await server
    .anonymous()
    .get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
  live = Object.values(doc.body.paths).flatMap((methods) =>
    Object.values(methods).map((raw) => {
      const o = raw as { operationId: string; 'x-kasane-access': Access };
      return liveDeclarationOf(o.operationId, o['x-kasane-access']);
    }),
  );
}, 120_000);

afterAll(async () => {
  await server?.close();
});

const weakened = (operationId: string, change: Partial<LiveDeclaration>) =>
  live.map((d) => (d.operationId === operationId ? { ...d, ...change } : d));

describe('the access oracle', () => {
  it('agrees with every live declaration', () => {
    const differences = differencesFromOracle(live);
    expect(differences, differences.join('\n')).toEqual([]);
    expect(live.length).toBe(Object.keys(accessOracle).length);
  });

  it('catches a declaration opened to another role (plans.approve by any casework permission)', () => {
    expect(
      differencesFromOracle(weakened('plans.approve', { roles: ['coordinator', 'caseworker'] })),
    ).toEqual(['plans.approve: callable by caseworker, coordinator, the oracle says coordinator']);
  });

  it('catches a widened record scope, a case-data operation answering 403, and a public route', () => {
    expect(differencesFromOracle(weakened('cases.get', { records: 'tenant' }))).toEqual([
      'cases.get: reaches tenant records, the oracle says participation',
    ]);
    expect(differencesFromOracle(weakened('persons.get', { hidden: false }))).toEqual([
      'persons.get: refuses with 403, the oracle says 404',
    ]);
    expect(differencesFromOracle(weakened('auditEvents.list', { roles: 'signedIn' }))).toEqual([
      'auditEvents.list: callable by signedIn, the oracle says auditor',
    ]);
  });

  it('catches an operation missing from either side', () => {
    expect(
      differencesFromOracle([
        ...live,
        { operationId: 'x.new', roles: 'anyone', records: 'none', hidden: false },
      ]),
    ).toEqual(['x.new: not in tests/api/accessOracle.ts — add its row']);
    expect(differencesFromOracle(live.filter((d) => d.operationId !== 'health.get'))).toEqual([
      'health.get: in the oracle but not in the API',
    ]);
  });
});
