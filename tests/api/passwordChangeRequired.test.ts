import { describe, expect, it } from 'vitest';
import type { User } from '../../src/contract/users.ts';
import { demoApi } from '../support/demoApi.ts';
import { demoDirectory } from '../support/factories.ts';
import { ApiClient, auditDetails } from '../support/testServer.ts';

/**
 * The administrator requires a password change at next sign-in. A file (and api.server) of its own:
 * with passwords.test.ts's sign-ins it went past the 30 sign-ins a minute one address may make.
 */

const api = demoApi();

const GOOD = 'sakurajima-haiiro-2026';

async function signInWithPassword(loginId: string, password: string) {
  const client = new ApiClient(api.server.url);
  const response = await client.signIn(loginId, password);
  return { client, response };
}

describe('change password at next sign-in (users.create, users.resetPassword, users.update)', () => {
  it('a new user with the flag reaches only the change-password page until they change it', async () => {
    const admin = await api.server.as('admin');
    const dir = await demoDirectory(api.server.database.db);
    const first = 'kagoshima-kaigan-2026';
    const created = await admin.post<User>('/api/users', {
      loginId: 'must-change',
      displayName: '試験 変更',
      organizationId: dir.organization('保護第一課'),
      roles: ['caseworker'],
      password: first,
      mustChangePassword: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.mustChangePassword).toBe(true);
    expect(auditDetails(await api.server.latestAudit('user.create'))).toMatchObject({
      mustChangePassword: true,
    });

    const { client, response } = await signInWithPassword('must-change', first);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ passwordChangeRequired: true });
    // the gate: everything but the session and the change itself is refused, with its own code
    for (const path of ['/api/cases', '/api/dashboard', '/api/organizations', '/api/sessions']) {
      const refused = await client.get(path);
      expect(refused.status, path).toBe(403);
      expect(refused.body, path).toMatchObject({ code: 'passwordChangeRequired' });
    }
    expect((await client.get('/api/session')).status).toBe(200);
    const changed = await client.post('/api/session/password', { currentPassword: first, newPassword: GOOD });
    expect(changed.status).toBe(200);
    expect(
      (await client.get<{ passwordChangeRequired: boolean }>('/api/session')).body.passwordChangeRequired,
    ).toBe(false);
    expect((await client.get('/api/cases')).status).toBe(200);
  });

  it('a reset and users.update set the flag; users.update can lift it', async () => {
    const admin = await api.server.as('admin');
    const dir = await demoDirectory(api.server.database.db);
    const target = dir.user('plan').id;
    const reset = await admin.post<User>(`/api/users/${target}/password`, {
      newPassword: 'shiroyama-tenbo-2026',
      mustChangePassword: true,
    });
    expect(reset.status).toBe(200);
    expect(reset.body.mustChangePassword).toBe(true);
    expect(auditDetails(await api.server.latestAudit('user.resetPassword'))).toMatchObject({
      mustChangePassword: true,
    });
    const { client } = await signInWithPassword('plan', 'shiroyama-tenbo-2026');
    expect((await client.get('/api/dashboard')).status).toBe(403);

    const lifted = await admin.patch<User>(`/api/users/${target}`, { mustChangePassword: false });
    expect(lifted.status).toBe(200);
    expect(lifted.body.mustChangePassword).toBe(false);
    expect((await client.get('/api/dashboard')).status).toBe(200);
    const set = await admin.patch<User>(`/api/users/${target}`, { mustChangePassword: true });
    expect(set.body.mustChangePassword).toBe(true);
    expect((await client.get('/api/dashboard')).status).toBe(403);
    expect((await client.request('DELETE', '/api/session')).status).toBe(204);
  });
});
