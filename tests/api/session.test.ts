import { describe, expect, it } from 'vitest';
import { demoApiWith } from '../support/demoApi.ts';
import { secondLogin } from '../support/secondTenant.ts';

const api = demoApiWith({ KASANE_MAX_FAILED_SIGNINS: '3' });

async function auditActions(loginId: string) {
  const rows = await api.server.database.db
    .selectFrom('audit_events')
    .select(['action', 'details'])
    .where((eb) =>
      eb.or([
        eb('actor_login_id', '=', loginId),
        eb(eb.ref('details', '->>').key('loginId' as never), '=', loginId),
      ]),
    )
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('POST /api/session (session.create)', () => {
  it('signs in a demo user and returns me, my organisation, roles and permissions', async () => {
    const client = api.server.anonymous();
    const response = await client.signIn('coordinator');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      user: { loginId: 'coordinator', roles: ['coordinator'] },
      organization: { name: '重層事業担当', kind: 'citySection', isCoordinatingSection: true },
      tenant: { name: '鹿児島市' },
      idleTimeoutSeconds: 1800,
    });
    expect((response.body as { permissions: string[] }).permissions).toContain('case.coordinate');
    const cookie = response.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/kasane_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(await auditActions('coordinator')).toContain('session.signIn');
  });

  it('refuses a wrong password with 401 problem+json in Japanese, and audits it', async () => {
    const response = await api.server.anonymous().signIn('houkatsu', 'wrong-password-123');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'auth.invalidCredentials', status: 401 });
    expect((response.body as { detail: string }).detail).toMatch(/ログインIDまたはパスワード/);
    expect(await auditActions('houkatsu')).toContain('session.signInFailed');
  });

  it('refuses an unknown login id the same way as a wrong password', async () => {
    const response = await api.server.anonymous().signIn('nobody-here', 'whatever-password');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'auth.invalidCredentials' });
  });

  it('locks the account after repeated failures, even against the right password, with a clear message', async () => {
    for (let i = 0; i < 2; i++)
      expect((await api.server.anonymous().signIn('shogai', 'wrong-password-123')).status).toBe(401);
    const third = await api.server.anonymous().signIn('shogai', 'wrong-password-123');
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ code: 'auth.locked' });
    expect((third.body as { detail: string }).detail).toMatch(/一時的にロック/);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    const right = await api.server.anonymous().signIn('shogai');
    expect(right.status).toBe(429);
  });

  it('rejects bad input with 400 naming the field', async () => {
    const client = api.server.anonymous();
    const response = await client.post('/api/session', { loginId: '', password: 3 });
    expect(response.status).toBe(400);
    const body = response.body as { code: string; errors: { field: string }[] };
    expect(body.code).toBe('validation.invalid');
    expect(body.errors.map((e) => e.field).sort()).toEqual(['loginId', 'password']);
    const notJson = await client.request('POST', '/api/session', undefined, { raw: '{"loginId":' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ code: 'validation.invalid' });
  });
});

describe('GET /api/session (session.get)', () => {
  it('is 401 without a session', async () => {
    const response = await api.server.anonymous().get('/api/session');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'auth.required' });
  });

  it('returns me with a session', async () => {
    const client = await api.server.as('plan');
    const response = await client.get('/api/session');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      user: { loginId: 'plan' },
      organization: { name: '地域福祉課', isCoordinatingSection: false },
    });
  });
});

describe('DELETE /api/session (session.delete)', () => {
  it('is 401 without a session', async () => {
    expect((await api.server.anonymous().delete('/api/session')).status).toBe(401);
  });

  it('needs the CSRF token', async () => {
    const client = await api.server.as('hogo');
    const response = await client.request('DELETE', '/api/session', undefined, {
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth.csrf' });
    expect((await client.get('/api/session')).status).toBe(200);
  });

  it('signs out: the cookie no longer works, and the sign-out is audited', async () => {
    const client = await api.server.as('hogo');
    const cookie = client.cookie;
    expect((await client.delete('/api/session')).status).toBe(204);
    client.cookie = cookie;
    expect((await client.get('/api/session')).status).toBe(401);
    expect(await auditActions('hogo')).toContain('session.signOut');
  });
});

describe('idle timeout', () => {
  it('ends a session idle for longer than the configured timeout', async () => {
    const client = await api.server.as('auditor');
    const sessionLastSeen = new Date(Date.now() - (api.server.config.idleTimeoutSeconds + 60) * 1000);
    await api.server.database.db
      .updateTable('sessions')
      .set({ last_seen_at: sessionLastSeen })
      .where('revoked_at', 'is', null)
      .execute();
    const response = await client.get('/api/session');
    expect(response.status).toBe(401);
    expect((response.body as { detail: string }).detail).toMatch(/一定時間操作がなかった/);
  });
});

describe('sign-in attempts per client address', () => {
  const limited = demoApiWith({ KASANE_SIGNINS_PER_MINUTE: '3' });

  it('answers 429 problem+json in Japanese past KASANE_SIGNINS_PER_MINUTE in a minute, and signs nobody in', async () => {
    for (let i = 0; i < 3; i++)
      expect((await limited.server.anonymous().signIn('nobody-here', 'whatever-password')).status).toBe(401);
    const over = await limited.server.anonymous().signIn('coordinator');
    expect(over.status).toBe(429);
    expect(over.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(over.body).toMatchObject({ code: 'rateLimited', status: 429 });
    expect((over.body as { title: string }).title).toBe('リクエストが多すぎます');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.headers.get('set-cookie')).toBeNull();
  });
});

describe('ended sessions and spent sign-in challenges are forgotten', () => {
  it('a sign-in deletes its municipality’s sessions and challenges that ended over 90 days ago, and nothing else', async () => {
    const db = api.server.database.db;
    const user = async (loginId: string) =>
      db
        .selectFrom('users')
        .select(['id', 'tenant_id'])
        .where('login_id', '=', loginId)
        .executeTakeFirstOrThrow();
    const home = await user('coordinator');
    const other = await user(secondLogin('coordinator'));
    const day = 24 * 3600 * 1000;
    const now = Date.now();
    const ended = (daysAgo: number) => ({
      ip: '192.0.2.1',
      user_agent: 'a browser of long ago',
      created_at: new Date(now - daysAgo * day - 3600 * 1000),
      expires_at: new Date(now - daysAgo * day),
    });
    const session = (id: string, owner: { id: string; tenant_id: string }, daysAgo: number) => ({
      id,
      tenant_id: owner.tenant_id,
      user_id: owner.id,
      csrf_token: `csrf-${id}`,
      last_seen_at: ended(daysAgo).created_at,
      ...ended(daysAgo),
    });
    const challenge = (id: string, owner: { id: string; tenant_id: string }, daysAgo: number) => ({
      id,
      tenant_id: owner.tenant_id,
      user_id: owner.id,
      consumed_at: null,
      ...ended(daysAgo),
    });
    const sessions = [
      session('old-home', home, 91),
      session('recent-home', home, 89),
      session('old-other-city', other, 91),
    ];
    const challenges = [
      challenge('old-home-challenge', home, 120),
      challenge('recent-home-challenge', home, 30),
      challenge('old-other-city-challenge', other, 120),
    ];
    await db.insertInto('sessions').values(sessions).execute();
    await db.insertInto('sign_in_challenges').values(challenges).execute();

    expect((await api.server.anonymous().signIn('coordinator')).status).toBe(200);

    const kept = async (table: 'sessions' | 'sign_in_challenges', ids: string[]) =>
      (await db.selectFrom(table).select('id').where('id', 'in', ids).orderBy('id').execute()).map(
        (r) => r.id,
      );
    expect(
      await kept(
        'sessions',
        sessions.map((r) => r.id),
      ),
    ).toEqual(['old-other-city', 'recent-home']);
    expect(
      await kept(
        'sign_in_challenges',
        challenges.map((r) => r.id),
      ),
    ).toEqual(['old-other-city-challenge', 'recent-home-challenge']);
    // the sign-in's own session is live and kept
    const live = await db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', home.id)
      .where('expires_at', '>', new Date())
      .execute();
    expect(live.length).toBeGreaterThan(0);
  });
});
