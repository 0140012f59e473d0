import { beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../src/contract/organizations.ts';
import { councilOrganizations } from '../../src/db/seed/demo.ts';
import { demoApi } from '../support/demoApi.ts';

const api = demoApi('admin', 'coordinator', 'council');
const { admin, coordinator, council } = api;

let organizations: Organization[];

beforeAll(async () => {
  organizations = (await admin.get<{ items: Organization[] }>('/api/organizations')).body.items;
});

const validInput = (name: string) => ({
  name,
  nameKana: 'テストキカン',
  kind: 'privateOrganization',
  isCouncilMember: false,
  contact: { phone: '099-000-0000', email: 'info@example.jp', address: '鹿児島市山下町11-1' },
});

describe('GET /api/organizations (organizations.list)', () => {
  it('is 401 unauthenticated', async () => {
    expect((await api.server.anonymous().get('/api/organizations')).status).toBe(401);
  });
  it('is 403 for a council member (no organisation directory)', async () => {
    const response = await council.get('/api/organizations');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth.forbidden' });
  });
  it('lists all 10 council organisations of the seed, flagged', () => {
    const council = organizations.filter((o) => o.isCouncilMember).map((o) => o.name);
    expect(council.sort()).toEqual(councilOrganizations.map((o) => o.name).sort());
    expect(council).toHaveLength(10);
    expect(organizations.find((o) => o.isCoordinatingSection)?.name).toBe('重層事業担当');
    for (const name of [
      '契約課',
      '保護第一課',
      '地域福祉課',
      '地域包括支援センター',
      '障害者相談支援事業所',
      'こども家庭センター',
      '自立相談支援機関',
    ]) {
      expect(organizations.map((o) => o.name)).toContain(name);
    }
  });
  it('tells a coordinator it may not edit (abilities travel with data)', async () => {
    const response = await coordinator.get<{ items: Organization[] }>('/api/organizations');
    expect(response.status).toBe(200);
    expect(response.body.items.every((o) => !o.abilities.update && !o.abilities.disable)).toBe(true);
  });
  it('rejects a bad query with 400', async () => {
    const response = await admin.get('/api/organizations?includeDisabled=maybe');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation.invalid' });
  });
});

describe('GET /api/organizations/:id (organizations.get)', () => {
  it('returns one, 404 for an unknown id, 400 for a malformed id, 401 unauthenticated', async () => {
    const first = organizations[0] as Organization;
    expect((await coordinator.get(`/api/organizations/${first.id}`)).body).toMatchObject({ id: first.id });
    expect((await coordinator.get('/api/organizations/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    expect((await coordinator.get('/api/organizations/not-a-uuid')).status).toBe(400);
    expect((await api.server.anonymous().get(`/api/organizations/${first.id}`)).status).toBe(401);
  });
});

describe('POST /api/organizations (organizations.create)', () => {
  it('is 401 unauthenticated and 403 for a coordinator', async () => {
    expect((await api.server.anonymous().post('/api/organizations', validInput('X'))).status).toBe(401);
    expect((await coordinator.post('/api/organizations', validInput('X'))).status).toBe(403);
  });

  it('creates an organisation and audits it in the same transaction', async () => {
    const response = await admin.post<Organization>(
      '/api/organizations',
      validInput('鹿児島市社会福祉協議会'),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: '鹿児島市社会福祉協議会',
      kind: 'privateOrganization',
      disabledAt: null,
    });
    const audit = await api.server.latestAudit('organization.create');
    expect(audit?.resource_id).toBe(response.body.id);
    expect(audit?.actor_login_id).toBe('admin');
  });

  it('rejects bad input with 400 naming each field, and writes nothing', async () => {
    const before = (await admin.get<{ items: unknown[] }>('/api/organizations?includeDisabled=true')).body
      .items.length;
    const response = await admin.post('/api/organizations', {
      name: '',
      kind: 'castle',
      contact: { email: 'not-an-email', phone: 'abc' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    const body = response.body as { detail: string; errors: { field: string; message: string }[] };
    expect(body.errors.map((e) => e.field).sort()).toEqual([
      'contact.email',
      'contact.phone',
      'kind',
      'name',
    ]);
    expect(body.detail).toMatch(/name/);
    const after = (await admin.get<{ items: unknown[] }>('/api/organizations?includeDisabled=true')).body
      .items.length;
    expect(after).toBe(before);
  });

  it('rejects control characters and over-long names', async () => {
    expect((await admin.post('/api/organizations', validInput('悪意\u0000ある'))).status).toBe(400);
    expect((await admin.post('/api/organizations', validInput('長'.repeat(101)))).status).toBe(400);
  });

  it('refuses a duplicate name with 409', async () => {
    const response = await admin.post('/api/organizations', validInput('地域福祉課'));
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'conflict.organizationNameTaken' });
  });

  it('refuses a state change without the CSRF token', async () => {
    const response = await admin.request('POST', '/api/organizations', validInput('CSRF試験'), {
      headers: { 'x-csrf-token': '' },
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth.csrf' });
  });
});

describe('PATCH /api/organizations/:id (organizations.update)', () => {
  it('edits, audits, and guards access and input', async () => {
    const created = (await admin.post<Organization>('/api/organizations', validInput('編集前の団体'))).body;
    const response = await admin.patch<Organization>(`/api/organizations/${created.id}`, {
      name: '編集後の団体',
      isCouncilMember: true,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: '編集後の団体',
      isCouncilMember: true,
      kind: 'privateOrganization',
    });
    expect((await api.server.latestAudit('organization.update'))?.resource_id).toBe(created.id);
    expect((await admin.patch(`/api/organizations/${created.id}`, { kind: 'nope' })).status).toBe(400);
    expect((await admin.patch(`/api/organizations/${created.id}`, { name: '地域福祉課' })).status).toBe(409);
    expect(
      (await admin.patch('/api/organizations/00000000-0000-4000-8000-000000000000', { name: 'x' })).status,
    ).toBe(404);
    expect((await coordinator.patch(`/api/organizations/${created.id}`, { name: 'x' })).status).toBe(403);
    expect(
      (await api.server.anonymous().patch(`/api/organizations/${created.id}`, { name: 'x' })).status,
    ).toBe(401);
  });
});

describe('POST /api/organizations/:id/disable|enable (organizations.disable, organizations.enable)', () => {
  it('disables (kept, not deleted) and enables again; refuses repeats and one’s own organisation', async () => {
    const created = (await admin.post<Organization>('/api/organizations', validInput('無効化する団体'))).body;
    const disabled = await admin.post<Organization>(`/api/organizations/${created.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).not.toBeNull();
    expect(
      (await admin.get<{ items: Organization[] }>('/api/organizations')).body.items.map((o) => o.id),
    ).not.toContain(created.id);
    expect(
      (await admin.get<{ items: Organization[] }>('/api/organizations?includeDisabled=true')).body.items.map(
        (o) => o.id,
      ),
    ).toContain(created.id);
    expect((await admin.post(`/api/organizations/${created.id}/disable`)).status).toBe(409);
    expect((await api.server.latestAudit('organization.disable'))?.resource_id).toBe(created.id);
    const enabled = await admin.post<Organization>(`/api/organizations/${created.id}/enable`);
    expect(enabled.body.disabledAt).toBeNull();
    expect((await api.server.latestAudit('organization.enable'))?.resource_id).toBe(created.id);

    const own = organizations.find((o) => o.name === '情報政策課') as Organization;
    expect((await admin.post(`/api/organizations/${own.id}/disable`)).status).toBe(409);
    expect((await coordinator.post(`/api/organizations/${created.id}/disable`)).status).toBe(403);
    expect((await api.server.anonymous().post(`/api/organizations/${created.id}/enable`)).status).toBe(401);
    expect((await admin.post('/api/organizations/bad/disable')).status).toBe(400);
  });

  it('signs out the users of a disabled organisation', async () => {
    const hogo = await api.server.as('hogo');
    const section = organizations.find((o) => o.name === '保護第一課') as Organization;
    await admin.post(`/api/organizations/${section.id}/disable`);
    expect((await hogo.get('/api/session')).status).toBe(401);
    expect((await api.server.anonymous().signIn('hogo')).status).toBe(401);
    await admin.post(`/api/organizations/${section.id}/enable`);
    expect((await api.server.anonymous().signIn('hogo')).status).toBe(200);
  });
});
