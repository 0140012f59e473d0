import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../../src/db/seed/demo.ts';
import { hasPermission } from '../../src/domain/permissions.ts';
import type { Access } from '../../src/server/actor.ts';
import {
  buildCaseWorld,
  changedTables,
  demoUser,
  fingerprint,
  houkatsuHandoverWorld,
  openConsultation,
  rowVersions,
  syntheticPerson,
} from '../support/caseWorld.ts';
import { caseDataIds, loadTenantWorld, tenantIds, type World } from '../support/matrixWorlds.ts';
import {
  type ArbitraryContext,
  type JsonSchema,
  pathsOf,
  schemaArbitrary,
  setAt,
  valueAt,
} from '../support/schemaArbitrary.ts';
import { SECOND_TENANT, secondLogin } from '../support/secondTenant.ts';
import { type ApiClient, type ApiResponse, startTestServer, type TestServer } from '../support/testServer.ts';

/**
 * Fuzzing every write operation of /api/openapi.json with fast-check: requests are generated from
 * the operation's request-body JSON schema and path parameters, then mutated (wrong types, missing
 * and extra fields, 1 MB strings, control characters and NUL, SQL/HTML injection, impossible dates,
 * huge and negative numbers, unknown and other-city ids, malformed JSON, wrong content type).
 * Whatever comes in: never a 5xx; a refusal is problem+json with a Japanese `detail`; and a refused
 * request leaves every business table exactly as it was (one request, one transaction).
 *
 * Seeded: set FUZZ_SEED to replay a run (the seed is printed); FUZZ_RUNS sets requests per operation.
 */

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const runsPerOperation = Number(process.env.FUZZ_RUNS ?? 8);

interface WriteOperation {
  method: string;
  path: string;
  operationId: string;
  access: Access;
  pathParams: string[];
  body?: JsonSchema;
}

type Mutation =
  | 'valid'
  | 'wrongType'
  | 'dropField'
  | 'extraField'
  | 'hugeString'
  | 'controlChars'
  | 'injection'
  | 'impossibleDate'
  | 'hugeNumber'
  | 'unknownId'
  | 'otherTenantId'
  | 'malformedJson'
  | 'wrongContentType'
  | 'badPathParam';
const mutations: Mutation[] = [
  'valid',
  'wrongType',
  'dropField',
  'extraField',
  'hugeString',
  'controlChars',
  'injection',
  'impossibleDate',
  'hugeNumber',
  'unknownId',
  'otherTenantId',
  'malformedJson',
  'wrongContentType',
  'badPathParam',
];

const wrongTypes: unknown[] = [12345, true, [], {}, null, 'x', -0.5, [1, 'a']];
const injections = [
  "'; DROP TABLE cases; --",
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '\\u0000',
  "Robert'); DELETE FROM persons;--",
];
const controlStrings = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001f\u007f',
  '\u202e\u200b\ufeff',
  '\ud800',
  '\r\n\t',
];
const impossibleDates = [
  '2025-02-30',
  '令和0年1月1日',
  '2025-13-01',
  '0000-00-00',
  '2025-02-29',
  '平成31年5月1日',
  '9999-99-99',
  '2026-04-31T25:61:00+09:00',
];
const hugeNumbers = [1e308, -1, -2_147_483_649, 2 ** 53 + 2, 2 ** 31, -1e308, 0.000001];
const extraKeys = ['__proto__', 'constructor', 'tenantId', 'id', 'extra'];
const badPathValues = [
  'not-a-uuid',
  "1' OR '1'='1",
  '00000000-0000-0000-0000-000000000000',
  '%00',
  '..%2F..%2F',
];

let server: TestServer;
let operations: WriteOperation[] = [];
let own: World;
let other: World;
let ctx: ArbitraryContext;
const clients = new Map<string, ApiClient>();
const preference = [
  'coordinator',
  'houkatsu',
  'shogai',
  'hogo',
  'hogokansatsu',
  'admin',
  'plan',
  'council',
  'auditor',
];

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const address = '鹿児島市（架空の住所）';
  await buildCaseWorld(
    server.app,
    houkatsuHandoverWorld(
      {
        person: syntheticPerson('乱数', '試子', 'ランスウ', 'タメコ', '1968-02-02', address),
        member: syntheticPerson('乱数', '母子', 'ランスウ', 'ハハコ', '1939-03-03', address),
        other: syntheticPerson('乱数', '別子', 'ランスウ', 'ベツコ', '1991-04-04', address),
      },
      {},
    ),
  );
  await openConsultation(
    server.app,
    'coordinator',
    syntheticPerson('乱数', '窓子', 'ランスウ', 'マドコ', '1977-07-07', address),
  );
  const plan = await demoUser(server.app, 'plan');
  await plan.call('POST', '/api/council/meetings', {
    heldAt: '2026-07-20T14:00:00+09:00',
    place: '会議室',
    isOpen: true,
  });
  const council = await demoUser(server.app, 'council');
  await council.call('POST', '/api/council/opinions', { content: '（試験用）意見' });
  // the fresh database holds just this case in 鹿児島市, so the world can be read back
  own = await loadTenantWorld(db, 'kagoshima', {
    organization: '自立相談支援機関',
    userLoginId: 'hogo',
    section: '保護第一課',
    partner: '障害者相談支援事業所',
  });
  other = await loadTenantWorld(db, SECOND_TENANT.code, {
    organization: '霧島地区更生保護女性会',
    userLoginId: secondLogin('hogo'),
    section: '保護課',
    partner: '霧島市地域包括支援センター',
  });
  const doc = await server.anonymous().get<{
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components?: { schemas?: Record<string, JsonSchema> };
  }>('/api/openapi.json');
  ctx = { ids: [...caseDataIds(own), ...tenantIds(own)], components: doc.body.components?.schemas ?? {} };
  operations = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => method !== 'get')
      .map(([method, o]) => ({
        method,
        path,
        operationId: o.operationId as string,
        access: o['x-kasane-access'] as WriteOperation['access'],
        pathParams: ((o.parameters ?? []) as { name: string; in: string }[])
          .filter((x) => x.in === 'path')
          .map((x) => x.name),
        body: (o.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.[
          'application/json'
        ]?.schema,
      })),
  );
  for (const account of demoAccounts) clients.set(account.loginId, await server.as(account.loginId));
}, 240_000);

afterAll(async () => {
  await server?.close();
});

/** The id a path parameter of a write operation names in the caller's own city. */
function pathValue(op: WriteOperation, param: string): string {
  if (param === 'fiscalYear') return '2026';
  const segments = op.path.split('/');
  const at = segments.indexOf(`{${param}}`);
  const collection = segments[at - 2] === 'council' ? `council/${segments[at - 1]}` : segments[at - 1];
  const byCollection: Record<string, string> = {
    cases: own.caseId,
    persons: own.personId,
    consultations: Object.values(own.consultations)[0] ?? randomUUID(),
    handovers: own.pendingHandoverId,
    meetings: own.supportMeetingId,
    plans: own.planId,
    organizations: own.organizationId,
    users: own.userId,
    programmes: own.programmeId,
    resources: own.resourceId,
    placements: own.placementId || randomUUID(),
    'community-activities': own.communityActivityId || randomUUID(),
    'council/opinions': own.opinionId,
    'council/meetings': own.councilMeetingId,
  };
  return byCollection[collection ?? ''] ?? randomUUID();
}

function clientFor(op: WriteOperation): ApiClient {
  if (op.access === 'public') return server.anonymous();
  const permission =
    typeof op.access === 'object' && 'permission' in op.access ? op.access.permission : undefined;
  const loginId =
    preference.find((login) => {
      const account = demoAccounts.find((a) => a.loginId === login);
      return account && (!permission || hasPermission(account.roles, permission));
    }) ?? 'coordinator';
  const client = clients.get(loginId);
  if (!client) throw new Error(`no client ${loginId}`);
  return client;
}

const japanese = /[\u3040-\u30ff\u3400-\u9fff]/;

interface Attempt {
  mutation: Mutation;
  pick: number;
  variant: number;
  body: unknown;
}

/** Apply one mutation to a valid request; returns the request to send. */
function mutate(
  op: WriteOperation,
  attempt: Attempt,
): { url: string; payload?: string; contentType?: string; body?: unknown } {
  let url = op.path;
  for (const param of op.pathParams) url = url.replace(`{${param}}`, pathValue(op, param));
  let body: unknown = attempt.body ?? {};
  const paths = pathsOf(body);
  const at = paths[attempt.pick % paths.length] ?? [];
  const leafStrings = paths.filter((p) => typeof valueAt(body, p) === 'string');
  const stringPath = leafStrings[attempt.pick % Math.max(1, leafStrings.length)];
  const ids = [...caseDataIds(other), ...tenantIds(other)];
  const pickOf = <T>(items: readonly T[]) => items[attempt.variant % items.length] as T;
  switch (attempt.mutation) {
    case 'valid':
      break;
    case 'wrongType':
      body = setAt(body, at, pickOf(wrongTypes));
      break;
    case 'dropField':
      if (at.length > 0) body = setAt(body, at, undefined);
      break;
    case 'extraField': {
      const target = valueAt(body, at);
      const objectPath = target && typeof target === 'object' && !Array.isArray(target) ? at : [];
      const key = pickOf(extraKeys);
      // JSON text, so that `__proto__` arrives as an own property
      const inner = JSON.stringify(valueAt(body, objectPath) ?? {});
      const withKey = `{${JSON.stringify(key)}:${JSON.stringify({ injected: true })}${inner.length > 2 ? `,${inner.slice(1)}` : '}'}`;
      if (objectPath.length === 0) return { url, payload: withKey, body: JSON.parse(withKey) };
      body = setAt(body, objectPath, JSON.parse(withKey));
      break;
    }
    case 'hugeString':
      body = setAt(body, stringPath ?? at, pickOf(['x'.repeat(1_048_576), 'あ'.repeat(350_000)]));
      break;
    case 'controlChars':
      body = setAt(body, stringPath ?? at, pickOf(controlStrings));
      break;
    case 'injection':
      body = setAt(body, stringPath ?? at, pickOf(injections));
      break;
    case 'impossibleDate':
      body = setAt(body, stringPath ?? at, pickOf(impossibleDates));
      break;
    case 'hugeNumber':
      body = setAt(body, at, pickOf(hugeNumbers));
      break;
    case 'unknownId':
      body = setAt(body, stringPath ?? at, randomUUID());
      break;
    case 'otherTenantId':
      if (op.pathParams.length > 0 && attempt.variant % 2 === 0) {
        const param = op.pathParams[attempt.pick % op.pathParams.length] ?? '';
        url = url.replace(pathValue(op, param), pickOf(ids));
      } else body = setAt(body, stringPath ?? at, pickOf(ids));
      break;
    case 'malformedJson':
      return { url, payload: pickOf(['{"a": ', '{,}', '[', 'null', '"\\u0000"', '{"a":1}}', '\u0000']) };
    case 'wrongContentType':
      return {
        url,
        payload: pickOf(['a=1&b=2', JSON.stringify(body), '<x/>']),
        contentType: pickOf([
          'application/x-www-form-urlencoded',
          'text/plain',
          'application/xml',
          'multipart/form-data',
        ]),
      };
    case 'badPathParam':
      if (op.pathParams.length > 0) {
        const param = op.pathParams[attempt.pick % op.pathParams.length] ?? '';
        url = url.replace(pathValue(op, param), encodeURIComponent(pickOf(badPathValues)));
      } else body = setAt(body, at, pickOf(badPathValues));
      break;
  }
  return { url, payload: JSON.stringify(body), body };
}

describe('fuzzing every write operation from its schema', () => {
  it('never answers 5xx; refuses with Japanese problem+json; a refused request changes nothing', async () => {
    console.log(
      `fuzz seed ${seed} (replay with FUZZ_SEED=${seed}), ${runsPerOperation} requests per operation`,
    );
    const started = Date.now();
    const failures: string[] = [];
    let requests = 0;
    const statuses: Record<number, number> = {};
    // row versions, not content hashes, after every request: as strict for a refused request (which
    // must commit nothing) and a fraction of the cost (the content hash was half of this test's time)
    let state = await rowVersions(server.database.db);
    for (const op of operations.filter((o) => o.operationId !== 'session.delete')) {
      const client = clientFor(op);
      const bodyArbitrary = op.body ? schemaArbitrary(op.body, ctx) : fc.constant(undefined);
      const attempts = fc.record({
        mutation: fc.constantFrom(...mutations),
        pick: fc.nat(),
        variant: fc.nat(),
        body: bodyArbitrary,
      });
      try {
        await fc.assert(
          fc.asyncProperty(attempts, async (attempt) => {
            const request = mutate(op, attempt as Attempt);
            const headers: Record<string, string> = {};
            if (request.contentType) headers['content-type'] = request.contentType;
            const response: ApiResponse = await client.request(
              op.method.toUpperCase(),
              request.url,
              undefined,
              {
                headers,
                ...(request.payload !== undefined ? { raw: request.payload } : {}),
              },
            );
            requests++;
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            const after = await rowVersions(server.database.db);
            const changed = changedTables(state, after);
            state = after;
            const what = `${op.operationId} ${attempt.mutation} → ${response.status}`;
            expect(response.status, `${what} ${JSON.stringify(response.body).slice(0, 300)}`).toBeLessThan(
              500,
            );
            if (response.status >= 400) {
              expect(response.headers.get('content-type') ?? '', what).toContain('application/problem+json');
              const detail = (response.body as { detail?: unknown }).detail;
              expect(
                typeof detail === 'string' && japanese.test(detail),
                `${what}: detail ${String(detail)}`,
              ).toBe(true);
              expect(changed, `${what}: a refused request changed ${changed.join(', ')}`).toEqual([]);
            }
          }),
          { seed, numRuns: runsPerOperation, endOnFailure: true },
        );
      } catch (error) {
        const lines = (error as Error).message.split('\n');
        const telling = lines.filter((l, i) => i < 3 || /Counterexample|Got |expected|Error/.test(l));
        failures.push(`${op.operationId}: ${telling.slice(0, 12).join('\n')}`);
      }
      // a fuzzed tenant setting may oblige the admin and the coordinating section to enrol TOTP:
      // every later request of theirs would then be a 403 that exercises nothing, so the city's
      // setting is put back after each operation (the setting itself is tested in accounts tests)
      if (op.operationId === 'tenantSettings.update') {
        await server.database.db
          .updateTable('tenant_settings')
          .set({ totp_required_for_staff: false })
          .execute();
        state = await rowVersions(server.database.db);
      }
    }
    console.log(
      `fuzz: ${requests} requests over ${operations.length} write operations in ${((Date.now() - started) / 1000).toFixed(1)} s; by status ${JSON.stringify(statuses)}`,
    );
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 300_000);
});

/** Bugs the fuzzer found, kept as plain regression tests (each was a 500 before its fix). */
describe('regressions found by fuzzing', () => {
  const refusedUnchanged = async (
    client: ApiClient,
    method: string,
    url: string,
    raw: string,
    field: string,
  ) => {
    const before = await fingerprint(server.database.db);
    const response = await client.request(method, url, undefined, { raw });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = response.body as { detail: string; errors?: { field: string }[] };
    expect(problem.detail).toMatch(japanese);
    expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    expect(changedTables(before, await fingerprint(server.database.db))).toEqual([]);
  };

  it('refuses text holding an unpaired UTF-16 surrogate with 400 naming the field (was 500: PostgreSQL cannot store it)', async () => {
    const admin = clients.get('admin') as ApiClient;
    const plan = clients.get('plan') as ApiClient;
    await refusedUnchanged(
      admin,
      'PATCH',
      `/api/organizations/${own.organizationId}`,
      '{"nameKana":"\\ud800"}',
      'nameKana',
    );
    await refusedUnchanged(
      admin,
      'PATCH',
      `/api/organizations/${own.organizationId}`,
      '{"contact":{"address":"市内\\udc00"}}',
      'contact.address',
    );
    await refusedUnchanged(
      plan,
      'POST',
      '/api/council/meetings',
      '{"heldAt":"2026-07-20T14:00:00+09:00","place":"\\ud83d","isOpen":true}',
      'place',
    );
    // a well-formed pair (an emoji) is text like any other
    const emoji = await plan.post('/api/council/meetings', {
      heldAt: '2026-07-21T14:00:00+09:00',
      place: '会議室🙂',
      isOpen: true,
    });
    expect(emoji.status).toBe(201);
  });

  it('refuses NUL in a sign-in and in a search query with 400 naming the field (was 500 on PostgreSQL: text cannot hold NUL)', async () => {
    await refusedUnchanged(
      server.anonymous(),
      'POST',
      '/api/session',
      '{"loginId":"hogo\\u0000","password":"x"}',
      'loginId',
    );
    const coordinator = clients.get('coordinator') as ApiClient;
    const before = await fingerprint(server.database.db);
    const search = await coordinator.get<{ errors?: { field: string }[]; detail: string }>(
      '/api/persons?kana=%E3%82%A2%00',
    );
    expect(search.status).toBe(400);
    expect(search.body.detail).toMatch(japanese);
    expect(search.body.errors?.map((e) => e.field)).toEqual(['クエリ.kana']);
    expect(changedTables(before, await fingerprint(server.database.db))).toEqual([]);
  });

  it('refuses a monitoring whose body is JSON null with 400 (was 500: a refinement ran on null)', async () => {
    const coordinator = clients.get('coordinator') as ApiClient;
    for (const raw of ['null', '"x"', '[]', '42']) {
      await refusedUnchanged(coordinator, 'POST', `/api/cases/${own.caseId}/monitorings`, raw, '');
    }
  });
});

describe('the change detector the fuzz test relies on', () => {
  it('sees a committed update even to the same values, and nothing of a rolled-back one', async () => {
    const db = server.database.db;
    const sameValues = sql`UPDATE organizations SET name = name`;
    const before = await rowVersions(db);
    expect(before.organizations, 'the table the check updates has rows').toMatch(/^[1-9]\d* /);
    const contentBefore = await fingerprint(db);

    const rollback = new Error('rolled back on purpose');
    await expect(
      db.transaction().execute(async (trx) => {
        await sameValues.execute(trx);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(changedTables(before, await rowVersions(db))).toEqual([]);

    await sameValues.execute(db);
    expect(changedTables(before, await rowVersions(db))).toEqual(['organizations']);
    // the content fingerprint cannot tell: the values are the same
    expect(changedTables(contentBefore, await fingerprint(db))).toEqual([]);
  });
});
