import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/contract/problem.ts';
import type { User } from '../../src/contract/users.ts';
import { demoApiWith } from '../support/demoApi.ts';
import { demoDirectory } from '../support/factories.ts';
import {
  ApiClient,
  auditDetails,
  problemFields,
  startTestServer,
  type TestServer,
} from '../support/testServer.ts';

const api = demoApiWith({ KASANE_MAX_FAILED_SIGNINS: '4', KASANE_LOCKOUT_MINUTES: '15' });

const GOOD = 'sakurajima-haiiro-2026';
const detail = (body: unknown) => (body as Problem).detail;

async function signInWithPassword(loginId: string, password: string) {
  const client = new ApiClient(api.server.url);
  const response = await client.signIn(loginId, password);
  return { client, response };
}

describe('POST /api/session/password (session.changePassword)', () => {
  it('is 401 without a session', async () => {
    const response = await api.server.anonymous().post('/api/session/password', {
      currentPassword: 'kasane-demo',
      newPassword: GOOD,
    });
    expect(response.status).toBe(401);
  });

  it('refuses a wrong current password and every password rule, naming the field', async () => {
    const client = await api.server.as('plan');
    const wrong = await client.post('/api/session/password', {
      currentPassword: 'not-mine-at-all',
      newPassword: GOOD,
    });
    expect(wrong.status).toBe(400);
    expect(problemFields(wrong.body)).toEqual(['currentPassword']);
    const short = await client.post('/api/session/password', {
      currentPassword: 'kasane-demo',
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect(problemFields(short.body)).toEqual(['newPassword']);
    const withLogin = await client.post('/api/session/password', {
      currentPassword: 'kasane-demo',
      newPassword: 'my-PLAN-password',
    });
    expect(withLogin.status).toBe(400);
    expect(problemFields(withLogin.body)).toEqual(['newPassword']);
    expect(detail(withLogin.body)).toMatch(/ログインIDを含める/);
    const common = await client.post('/api/session/password', {
      currentPassword: 'kasane-demo',
      newPassword: 'Password1234',
    });
    expect(common.status).toBe(400);
    expect(detail(common.body)).toMatch(/よく使われる/);
    const missing = await client.post('/api/session/password', {});
    expect(missing.status).toBe(400);
    expect(problemFields(missing.body)).toEqual(['currentPassword', 'newPassword']);
    // nothing changed
    expect((await signInWithPassword('plan', 'kasane-demo')).response.status).toBe(200);
  });

  it('changes my password, ends my other sessions but not this one, and is audited', async () => {
    const other = await api.server.as('council');
    const here = await api.server.as('council');
    const response = await here.post<{ revoked: number }>('/api/session/password', {
      currentPassword: 'kasane-demo',
      newPassword: GOOD,
    });
    expect(response.status).toBe(200);
    expect(response.body.revoked).toBeGreaterThanOrEqual(1);
    expect((await other.get('/api/session')).status).toBe(401);
    expect((await here.get('/api/session')).status).toBe(200);
    expect((await signInWithPassword('council', 'kasane-demo')).response.status).toBe(401);
    expect((await signInWithPassword('council', GOOD)).response.status).toBe(200);
    const audit = await api.server.latestAudit('session.passwordChange');
    expect(audit?.actor_login_id).toBe('council');
    expect(auditDetails(audit).otherSessionsEnded).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(audit)).not.toContain(GOOD);
  });
});

describe('password rules for users.create and users.update', () => {
  it('refuses the demo password and common passwords for a new user, naming the field', async () => {
    const admin = await api.server.as('admin');
    const dir = await demoDirectory(api.server.database.db);
    const base = {
      loginId: 'tanaka.k',
      displayName: '田中 試験',
      organizationId: dir.organization('地域福祉課'),
      roles: ['caseworker'],
    };
    for (const password of ['kasane-demo', 'password1234', 'tanaka.k-2026!']) {
      const response = await admin.post('/api/users', { ...base, password });
      expect(response.status, password).toBe(400);
      expect(problemFields(response.body)).toContain('password');
    }
    const created = await admin.post<User>('/api/users', { ...base, password: GOOD });
    expect(created.status).toBe(201);
    const update = await admin.patch(`/api/users/${created.body.id}`, { password: 'Tanaka.K-longer' });
    expect(update.status).toBe(400);
    expect(problemFields(update.body)).toEqual(['password']);
  });
});

describe('POST /api/users/:id/password (users.resetPassword)', () => {
  it('is 401 without a session and 403 for a role without user.manage', async () => {
    const dir = await demoDirectory(api.server.database.db);
    const path = `/api/users/${dir.user('hogo').id}/password`;
    expect((await api.server.anonymous().post(path, { newPassword: GOOD })).status).toBe(401);
    const auditor = await api.server.as('auditor');
    const response = await auditor.post(path, { newPassword: GOOD });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth.forbidden' });
  });

  it('sets a new password, ends all the user’s sessions, lifts a lockout; audited without the password', async () => {
    const dir = await demoDirectory(api.server.database.db);
    const target = dir.user('hogokansatsu').id;
    const session = await api.server.as('hogokansatsu');
    await api.server.database.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() + 600_000), failed_sign_in_count: 0 })
      .where('id', '=', target)
      .execute();
    const admin = await api.server.as('admin');
    const response = await admin.post<User>(`/api/users/${target}/password`, { newPassword: GOOD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ loginId: 'hogokansatsu', lockedUntil: null });
    expect((await session.get('/api/session')).status).toBe(401);
    expect((await signInWithPassword('hogokansatsu', GOOD)).response.status).toBe(200);
    const audit = await api.server.latestAudit('user.resetPassword');
    expect(audit?.resource_id).toBe(target);
    expect(auditDetails(audit)).toMatchObject({ loginId: 'hogokansatsu', sessionsEnded: 1 });
    expect(JSON.stringify(audit)).not.toContain(GOOD);
  });

  it('applies the rules (400 naming newPassword), 404 for an unknown user, 409 for a disabled one', async () => {
    const admin = await api.server.as('admin');
    const dir = await demoDirectory(api.server.database.db);
    const rule = await admin.post(`/api/users/${dir.user('houkatsu').id}/password`, {
      newPassword: 'houkatsu-2026-x',
    });
    expect(rule.status).toBe(400);
    expect(problemFields(rule.body)).toEqual(['newPassword']);
    const unknown = await admin.post('/api/users/00000000-0000-4000-8000-000000000000/password', {
      newPassword: GOOD,
    });
    expect(unknown.status).toBe(404);
    const shogai = dir.user('shogai').id;
    expect((await admin.post(`/api/users/${shogai}/disable`)).status).toBe(200);
    const disabled = await admin.post(`/api/users/${shogai}/password`, { newPassword: GOOD });
    expect(disabled.status).toBe(409);
    expect((await admin.post(`/api/users/${shogai}/enable`)).status).toBe(200);
  });
});

describe('lockout messages and POST /api/users/:id/unlock (users.unlock)', () => {
  it('warns when 2 or fewer attempts are left, then tells how long the lock lasts', async () => {
    const first = await signInWithPassword('houkatsu', 'wrong-password-1');
    expect(first.response.status).toBe(401);
    expect(detail(first.response.body)).toBe('ログインIDまたはパスワードが正しくありません。');
    const second = await signInWithPassword('houkatsu', 'wrong-password-2');
    expect(detail(second.response.body)).toMatch(/あと2回続けて失敗すると、アカウントが15分間ロックされます/);
    const third = await signInWithPassword('houkatsu', 'wrong-password-3');
    expect(detail(third.response.body)).toMatch(/あと1回/);
    const fourth = await signInWithPassword('houkatsu', 'wrong-password-4');
    expect(fourth.response.status).toBe(429);
    expect(fourth.response.body).toMatchObject({ code: 'auth.locked' });
    expect(detail(fourth.response.body)).toMatch(/あと約15分/);
    expect(detail(fourth.response.body)).toMatch(/管理者にロックの解除を依頼/);
    expect((await signInWithPassword('houkatsu', 'kasane-demo')).response.status).toBe(429);
  });

  it('an admin sees the lock and lifts it; the user signs in again; audited', async () => {
    const admin = await api.server.as('admin');
    const dir = await demoDirectory(api.server.database.db);
    const id = dir.user('houkatsu').id;
    const before = await admin.get<User>(`/api/users/${id}`);
    expect(before.body.lockedUntil).not.toBeNull();
    expect(before.body.abilities).toMatchObject({ unlock: true, resetPassword: true });
    const response = await admin.post<User>(`/api/users/${id}/unlock`);
    expect(response.status).toBe(200);
    expect(response.body.lockedUntil).toBeNull();
    expect(response.body.abilities.unlock).toBe(false);
    expect((await signInWithPassword('houkatsu', 'kasane-demo')).response.status).toBe(200);
    const audit = await api.server.latestAudit('user.unlock');
    expect(audit?.resource_id).toBe(id);
    expect(audit?.actor_login_id).toBe('admin');
    // not locked any more: 409
    const again = await admin.post(`/api/users/${id}/unlock`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'conflict.state' });
  });

  it('is 401 without a session, 403 without user.manage, 404 for an unknown id', async () => {
    const dir = await demoDirectory(api.server.database.db);
    const path = `/api/users/${dir.user('houkatsu').id}/unlock`;
    expect((await api.server.anonymous().post(path)).status).toBe(401);
    expect((await (await api.server.as('coordinator')).post(path)).status).toBe(403);
    const admin = await api.server.as('admin');
    expect((await admin.post('/api/users/00000000-0000-4000-8000-000000000000/unlock')).status).toBe(404);
    expect(problemFields((await admin.post('/api/users/nope/unlock')).body)).toEqual(['パス.id']);
  });
});

describe('demo passwords in production', () => {
  let production: TestServer;
  beforeAll(async () => {
    production = await startTestServer({
      NODE_ENV: 'production',
      KASANE_SECRET_KEY: 'a-production-key-for-tests-only-0123456789',
    });
  });
  afterAll(() => production.close());

  it('refuses sign-in with the demo password, telling to ask for a new one; audited', async () => {
    const client = new ApiClient(production.url);
    const response = await client.signIn('houkatsu', 'kasane-demo');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth.demoPassword' });
    expect(detail(response.body)).toMatch(/新しいパスワードの設定を依頼/);
    expect(client.cookie).toBeUndefined();
    const audit = await production.latestAudit('session.signInFailed');
    expect(auditDetails(audit)).toMatchObject({ loginId: 'houkatsu', reason: 'demoPassword' });
  });

  it('a wrong password is still just wrong (nothing about the demo is revealed)', async () => {
    const response = await new ApiClient(production.url).signIn('houkatsu', 'wrong-password-1');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'auth.invalidCredentials' });
  });
});
