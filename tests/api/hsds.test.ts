import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hsdsTokenHash, issueHsdsToken, revokeHsdsToken } from '../../src/db/hsdsTokens.ts';
import { SECOND_TENANT, secondLogin } from '../support/secondTenant.ts';
import { type ApiClient, problemFields, startTestServer, type TestServer } from '../support/testServer.ts';

/**
 * The HSDS 3.0 export of the demo directory, validated with Ajv against Open Referral's own compiled
 * schemas (tests/fixtures/hsds-3, CC BY-SA 4.0 — Human Services Data Specification, an Open Referral
 * resource), and the round trip export → import → export.
 */

const schema = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/hsds-3/${name}`, import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addFormat('csv', true);
const validService = ajv.compile(schema('service_with_definitions.json'));
const validServiceListItem = ajv.compile(schema('service_list.json'));
const validOrganizationListItem = ajv.compile(schema('organization_list.json'));

interface Page {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Record<string, unknown>[];
}

let server: TestServer;
let coordinator: ApiClient;
let kirishima: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  coordinator = await server.as('coordinator');
  kirishima = await server.as(secondLogin('coordinator'));
});
afterAll(() => server.close());

const errorsOf = (validate: typeof validService, value: unknown) =>
  validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

async function exportAll(client: ApiClient): Promise<Record<string, unknown>[]> {
  const response = await client.get<Page>('/api/hsds/services?full=true&per_page=500');
  expect(response.status).toBe(200);
  return response.body.contents;
}

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describe('HSDS 3.0 export', () => {
  it('exports every resource of the demo directory as a service that validates against the HSDS 3.0 schema', async () => {
    const services = await exportAll(coordinator);
    expect(services.length).toBeGreaterThanOrEqual(30);
    for (const service of services) expect(errorsOf(validService, service), String(service.name)).toEqual([]);
    const ibasho = services.find((s) => s.name === 'まちなか居場所「ひだまり」') as Record<string, unknown[]>;
    expect(ibasho.service_at_locations?.[0]).toMatchObject({
      location: {
        location_type: 'physical',
        attributes: [
          { taxonomy_term: { code: 'kasane:area:schoolDistrict', name: '校区' }, value: '名山校区' },
          { taxonomy_term: { code: 'kasane:area:district', name: '地区' }, value: '中央地区' },
        ],
      },
    });
    expect(ibasho.schedules?.[0]).toMatchObject({
      freq: 'WEEKLY',
      byday: 'TU,TH,SA',
      opens_at: '10:00+09:00',
    });
    expect(
      (ibasho.attributes as { taxonomy_term: { code: string } }[]).map((a) => a.taxonomy_term.code),
    ).toEqual([
      'kasane:kind:ibasho',
      'kasane:kind:participationPlace',
      'kasane:need:belonging',
      'kasane:need:health',
    ]);
  });

  it('serves /services as pages of one-to-one fields, /services/{id} nested and /organizations, each valid', async () => {
    const first = await coordinator.get<Page>('/api/hsds/services?per_page=10');
    expect(first.body).toMatchObject({
      page_number: 1,
      size: 10,
      first_page: true,
      last_page: false,
      empty: false,
    });
    expect(first.body.total_pages).toBe(Math.ceil(first.body.total_items / 10));
    for (const item of first.body.contents) expect(errorsOf(validServiceListItem, item)).toEqual([]);
    expect(first.body.contents[0]).not.toHaveProperty('schedules');

    const id = String(first.body.contents[0]?.id);
    const one = await coordinator.get<Record<string, unknown>>(`/api/hsds/services/${id}`);
    expect(one.status).toBe(200);
    expect(errorsOf(validService, one.body)).toEqual([]);
    expect((await coordinator.get(`/api/hsds/services/${randomUUID()}`)).status).toBe(404);

    const organizations = await coordinator.get<Page>('/api/hsds/organizations?per_page=500');
    expect(organizations.body.total_items).toBeGreaterThanOrEqual(30);
    for (const item of organizations.body.contents)
      expect(errorsOf(validOrganizationListItem, item)).toEqual([]);

    const employers = await coordinator.get<Page>(
      `/api/hsds/services?per_page=500&search=${encodeURIComponent('協力雇用主')}`,
    );
    expect(employers.body.total_items).toBeGreaterThanOrEqual(3);
  });

  it('answers without sign-in only with a token the city issued (401 otherwise); the token reads its own city', async () => {
    const anonymous = server.anonymous();
    const refused = await anonymous.get('/api/hsds/services');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    const { id: tokenId, token } = await issueHsdsToken(server.database.db, {
      tenantCode: SECOND_TENANT.code,
      loginId: secondLogin('coordinator'),
      label: '（試験）県の検索サイト',
    });
    expect(hsdsTokenHash(token)).toHaveLength(64);
    const withToken = await anonymous.request<Page>('GET', '/api/hsds/services', undefined, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.status).toBe(200);
    expect(withToken.body.contents.map((s) => s.name)).toContain('霧島まちの居場所（試験）');
    expect(JSON.stringify(withToken.body)).not.toContain('ひだまり');
    const wrong = await anonymous.request('GET', '/api/hsds/services', undefined, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(wrong.status).toBe(401);
    // revoked: stops at once
    expect(await revokeHsdsToken(server.database.db, tokenId)).toBe(true);
    const revoked = await anonymous.request('GET', '/api/hsds/services', undefined, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(401);
  });
});

describe('resources.import', () => {
  it('round trip: the demo directory exported, imported into another city and exported again gives the same file', async () => {
    const exported = await exportAll(coordinator);
    const file = { fileName: 'kagoshima-hsds.json', contentBase64: base64(exported) };

    const dryRun = await kirishima.post<{
      created: number;
      updated: number;
      items: { hsdsId: string; name: string; action: string }[];
    }>('/api/resources/import?dryRun=true', file);
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({
      dryRun: true,
      services: exported.length,
      created: exported.length,
      updated: 0,
    });
    // the preview names every service of the file and what would happen to it
    expect(dryRun.body.items.map((i) => [i.hsdsId, i.name, i.action])).toEqual(
      exported.map((s) => [s.id, s.name, 'create']),
    );
    expect((await exportAll(kirishima)).length).toBe(1);

    const imported = await kirishima.post('/api/resources/import', file);
    expect(imported.body).toMatchObject({ dryRun: false, created: exported.length, updated: 0 });
    const audit = await server.latestAudit('resource.import');
    expect(audit?.tenant_id).toBe(
      (
        await server.database.db
          .selectFrom('tenants')
          .select('id')
          .where('code', '=', SECOND_TENANT.code)
          .executeTakeFirstOrThrow()
      ).id,
    );

    const ids = new Set(exported.map((s) => s.id));
    const again = (await exportAll(kirishima)).filter((s) => ids.has(s.id));
    const byId = (list: Record<string, unknown>[]) =>
      [...list].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(byId(again)).toEqual(byId(exported));

    // importing the same file again changes nothing but the count of updates
    const twice = await kirishima.post('/api/resources/import', file);
    expect(twice.body).toMatchObject({ created: 0, updated: exported.length });
    expect(byId((await exportAll(kirishima)).filter((s) => ids.has(s.id)))).toEqual(byId(exported));
  });

  it('refuses a file that is not HSDS 3.0 with 400 naming the service and field, and writes nothing', async () => {
    const before = (await exportAll(coordinator)).length;
    const notJson = await coordinator.post('/api/resources/import', {
      contentBase64: Buffer.from('{').toString('base64'),
    });
    expect(notJson.status).toBe(400);
    expect(problemFields(notJson.body)).toEqual(['contentBase64']);
    const bad = await coordinator.post('/api/resources/import', {
      contentBase64: base64([
        { id: randomUUID(), name: '（試験）正しいサービス', status: 'active' },
        { id: 'not-a-uuid', name: '（試験）誤り', status: 'open' },
      ]),
    });
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body)).toEqual(expect.arrayContaining(['services.1.id', 'services.1.status']));
    expect((await exportAll(coordinator)).length).toBe(before);
    // the caseworker may not import
    const houkatsu = await server.as('houkatsu');
    expect((await houkatsu.post('/api/resources/import', { contentBase64: base64([]) })).status).toBe(403);
  });

  it('imports a service from another system without Kasane’s kinds, with its place and hours', async () => {
    const id = randomUUID();
    const response = await coordinator.post('/api/resources/import', {
      contentBase64: base64({
        contents: [
          {
            id,
            name: '（試験）他システムの居場所',
            status: 'active',
            description: 'HSDSで受け取った資源',
            organization: { id: randomUUID(), name: '（試験）他システムの団体', description: '' },
            service_at_locations: [
              {
                id: randomUUID(),
                location: {
                  id: randomUUID(),
                  location_type: 'physical',
                  addresses: [
                    {
                      id: randomUUID(),
                      address_1: '鹿児島市（架空）9-9',
                      city: '鹿児島市',
                      state_province: '鹿児島県',
                      postal_code: '890-0000',
                      country: 'JP',
                      address_type: 'physical',
                    },
                  ],
                },
              },
            ],
            schedules: [
              {
                id: randomUUID(),
                freq: 'WEEKLY',
                byday: 'MO,WE',
                opens_at: '09:00:00',
                closes_at: '12:00:00',
              },
            ],
          },
        ],
      }),
    });
    expect(response.status).toBe(200);
    const service = await coordinator.get<Record<string, unknown>>(`/api/hsds/services/${id}`);
    expect(service.body).toMatchObject({
      name: '（試験）他システムの居場所',
      schedules: [{ byday: 'MO,WE', opens_at: '09:00+09:00', closes_at: '12:00+09:00' }],
      attributes: [],
    });
    expect(errorsOf(validService, service.body)).toEqual([]);
  });
});
