import { beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../src/contract/organizations.ts';
import type { User } from '../../src/contract/users.ts';
import { demoApi } from '../support/demoApi.ts';

const api = demoApi('admin', 'auditor', 'coordinator');
const { admin, auditor, coordinator } = api;

let organizationId: string;

beforeAll(async () => {
  const organizations = (await admin.get<{ items: Organization[] }>('/api/organizations')).body.items;
  organizationId = (organizations.find((o) => o.name === 'こども家庭センター') as Organization).id;
});

const input = (loginId: string) => ({
  loginId,
  displayName: '試験 花子',
  organizationId,
  roles: ['caseworker'],
  password: 'correct horse battery',
});

describe('GET /api/users (users.list)', () => {
  it('lists users for admin and auditor, 403 for a caseworker, 401 unauthenticated', async () => {
    const list = await admin.get<{ items: User[] }>('/api/users');
    expect(list.status).toBe(200);
    expect(list.body.items.map((u) => u.loginId)).toEqual(
      expect.arrayContaining([
        'admin',
        'coordinator',
        'houkatsu',
        'shogai',
        'hogo',
        'hogokansatsu',
        'plan',
        'council',
        'auditor',
      ]),
    );
    expect(list.body.items.every((u) => !('passwordHash' in u) && !('password_hash' in u))).toBe(true);
    const forAuditor = await auditor.get<{ items: User[] }>('/api/users');
    expect(forAuditor.status).toBe(200);
    expect(forAuditor.body.items.every((u) => !u.abilities.update)).toBe(true);
    expect((await coordinator.get('/api/users')).status).toBe(403);
    expect((await api.server.anonymous().get('/api/users')).status).toBe(401);
    expect((await admin.get('/api/users?organizationId=xyz')).status).toBe(400);
  });
});

describe('GET /api/users/:id (users.get)', () => {
  it('returns one user; 404 unknown; 400 malformed; 403 caseworker', async () => {
    const someone = (await admin.get<{ items: User[] }>('/api/users')).body.items[0] as User;
    expect((await admin.get(`/api/users/${someone.id}`)).body).toMatchObject({ id: someone.id });
    expect((await admin.get('/api/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/api/users/1')).status).toBe(400);
    expect((await coordinator.get(`/api/users/${someone.id}`)).status).toBe(403);
  });
});

describe('POST /api/users (users.create)', () => {
  it('creates a user who can then sign in; audited', async () => {
    const response = await admin.post<User>('/api/users', input('kodomo1'));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      loginId: 'kodomo1',
      organization: { name: 'こども家庭センター' },
      roles: ['caseworker'],
    });
    expect((await api.server.anonymous().signIn('kodomo1', 'correct horse battery')).status).toBe(200);
    const audit = await api.server.database.db
      .selectFrom('audit_events')
      .select(['resource_id', 'actor_login_id'])
      .where('action', '=', 'user.create')
      .executeTakeFirst();
    expect(audit).toEqual({ resource_id: response.body.id, actor_login_id: 'admin' });
  });

  it('enforces the password rules and login id format with field errors', async () => {
    const short = await admin.post('/api/users', { ...input('kodomo2'), password: 'short' });
    expect(short.status).toBe(400);
    expect((short.body as { errors: { field: string; message: string }[] }).errors[0]).toMatchObject({
      field: 'password',
    });
    expect((short.body as { errors: { message: string }[] }).errors[0]?.message).toMatch(/12文字以上/);
    const same = await admin.post('/api/users', {
      ...input('kodomo-password1'),
      password: 'kodomo-password1',
    });
    expect(same.status).toBe(400);
    const badLogin = await admin.post('/api/users', {
      ...input('Bad Login!'),
      password: 'correct horse battery',
    });
    expect((badLogin.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'loginId',
    ]);
    const noRoles = await admin.post('/api/users', { ...input('kodomo3'), roles: [] });
    expect(noRoles.status).toBe(400);
    const badRole = await admin.post('/api/users', { ...input('kodomo3'), roles: ['king'] });
    expect(badRole.status).toBe(400);
    const unknownOrg = await admin.post('/api/users', {
      ...input('kodomo3'),
      organizationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownOrg.status).toBe(400);
    expect((unknownOrg.body as { errors: { field: string }[] }).errors[0]?.field).toBe('organizationId');
    expect(
      (
        await api.server.database.db
          .selectFrom('users')
          .select('id')
          .where('login_id', 'like', 'kodomo3%')
          .execute()
      ).length,
    ).toBe(0);
  });

  it('refuses a taken login id with 409, and non-admins', async () => {
    expect((await admin.post('/api/users', input('coordinator'))).status).toBe(409);
    expect((await auditor.post('/api/users', input('kodomo4'))).status).toBe(403);
    expect((await api.server.anonymous().post('/api/users', input('kodomo4'))).status).toBe(401);
  });
});

describe('PATCH /api/users/:id (users.update)', () => {
  it('changes roles and organisation; a password change ends the user’s sessions', async () => {
    const created = (await admin.post<User>('/api/users', input('kodomo5'))).body;
    const session = await api.server.as('kodomo5').catch(() => undefined);
    expect(session).toBeUndefined(); // demo password is not theirs
    const client = api.server.anonymous();
    await client.signIn('kodomo5', 'correct horse battery');
    const updated = await admin.patch<User>(`/api/users/${created.id}`, {
      roles: ['caseworker', 'coordinator'],
      displayName: '試験 次郎',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ roles: ['caseworker', 'coordinator'], displayName: '試験 次郎' });
    expect((await client.get('/api/session')).status).toBe(200);
    expect(
      (await admin.patch(`/api/users/${created.id}`, { password: 'another long password' })).status,
    ).toBe(200);
    expect((await client.get('/api/session')).status).toBe(401);
    expect((await admin.patch(`/api/users/${created.id}`, { password: 'kodomo5' })).status).toBe(400);
    expect((await admin.patch(`/api/users/${created.id}`, { roles: ['wizard'] })).status).toBe(400);
    expect(
      (await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { displayName: 'x' })).status,
    ).toBe(404);
    expect((await auditor.patch(`/api/users/${created.id}`, { displayName: 'x' })).status).toBe(403);
  });

  it('refuses removing one’s own admin role', async () => {
    const me = (await admin.get<{ user: { id: string } }>('/api/session')).body.user.id;
    expect((await admin.patch(`/api/users/${me}`, { roles: ['auditor'] })).status).toBe(409);
  });
});

describe('POST /api/users/:id/disable|enable (users.disable, users.enable)', () => {
  it('disabling ends the user’s sessions at once and blocks sign-in; enabling restores', async () => {
    const created = (await admin.post<User>('/api/users', input('kodomo6'))).body;
    const client = api.server.anonymous();
    await client.signIn('kodomo6', 'correct horse battery');
    const disabled = await admin.post<User>(`/api/users/${created.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).not.toBeNull();
    expect((await client.get('/api/session')).status).toBe(401);
    expect((await api.server.anonymous().signIn('kodomo6', 'correct horse battery')).status).toBe(401);
    expect((await admin.post(`/api/users/${created.id}/disable`)).status).toBe(409);
    expect((await admin.post<User>(`/api/users/${created.id}/enable`)).body.disabledAt).toBeNull();
    expect((await api.server.anonymous().signIn('kodomo6', 'correct horse battery')).status).toBe(200);
    const me = (await admin.get<{ user: { id: string } }>('/api/session')).body.user.id;
    expect((await admin.post(`/api/users/${me}/disable`)).status).toBe(409);
    expect((await auditor.post(`/api/users/${created.id}/disable`)).status).toBe(403);
    expect((await api.server.anonymous().post(`/api/users/${created.id}/disable`)).status).toBe(401);
  });
});
