import { describe, expect, it } from 'vitest';
import type { SessionList } from '../../src/contract/accounts.ts';
import { sessionIdOf } from '../../src/db/sessions.ts';
import { demoApi } from '../support/demoApi.ts';
import { ApiClient, auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi();

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const EDGE =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

/** A demo user signed in with a given browser's User-Agent. */
async function signInWith(loginId: string, userAgent: string): Promise<ApiClient> {
  const client = new ApiClient(api.server.url);
  const response = await client.request<{ csrfToken: string }>(
    'POST',
    '/api/session',
    { loginId, password: 'kasane-demo' },
    { headers: { 'user-agent': userAgent } },
  );
  expect(response.status).toBe(200);
  client.csrfToken = response.body.csrfToken;
  return client;
}

const currentId = (client: ApiClient) => sessionIdOf((client.cookie ?? '').replace('kasane_session=', ''));

describe('GET /api/sessions (sessions.list)', () => {
  it('is 401 without a session', async () => {
    const response = await api.server.anonymous().get('/api/sessions');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'auth.required' });
  });

  it('lists only my own live sessions, newest first, with browser/OS in Japanese and the current flag; audited', async () => {
    const onFirefox = await signInWith('hogo', FIREFOX);
    const onEdge = await signInWith('hogo', EDGE);
    await api.server.as('houkatsu'); // someone else's session never shows
    const response = await onEdge.get<SessionList>('/api/sessions');
    expect(response.status).toBe(200);
    const items = response.body.items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      id: currentId(onEdge),
      browser: 'Microsoft Edge',
      os: 'Windows',
      label: 'Microsoft Edge（Windows）',
      current: true,
      ip: '127.0.0.1',
      abilities: { revoke: true },
    });
    expect(items[1]).toMatchObject({
      id: currentId(onFirefox),
      browser: 'Firefox',
      os: 'Linux',
      current: false,
    });
    expect(Date.parse(items[0]?.createdAt ?? '')).toBeGreaterThan(0);
    expect(Date.parse(items[0]?.lastSeenAt ?? '')).toBeGreaterThan(0);
    // never the token itself
    const raw = JSON.stringify(response.body);
    for (const client of [onEdge, onFirefox])
      expect(raw).not.toContain((client.cookie ?? '').replace('kasane_session=', ''));
    const audit = await api.server.latestAudit('session.list');
    expect(audit?.actor_login_id).toBe('hogo');
    expect(auditDetails(audit)).toMatchObject({ count: 2 });
  });
});

describe('DELETE /api/sessions/:id (sessions.revoke)', () => {
  it('is 401 without a session', async () => {
    expect((await api.server.anonymous().delete(`/api/sessions/${'a'.repeat(64)}`)).status).toBe(401);
  });

  it('signs out another of my devices; that device is then signed out; audited', async () => {
    const laptop = await signInWith('shogai', FIREFOX);
    const desk = await signInWith('shogai', EDGE);
    const response = await desk.delete(`/api/sessions/${currentId(laptop)}`);
    expect(response.status).toBe(204);
    expect((await laptop.get('/api/session')).status).toBe(401);
    expect((await desk.get('/api/session')).status).toBe(200);
    const audit = await api.server.latestAudit('session.revoke');
    expect(audit?.actor_login_id).toBe('shogai');
    expect(auditDetails(audit)).toMatchObject({ current: false, session: currentId(laptop).slice(0, 12) });
    // already revoked: gone
    expect((await desk.delete(`/api/sessions/${currentId(laptop)}`)).status).toBe(404);
  });

  it("answers 404 for another user's session and leaves it alone", async () => {
    const mine = await api.server.as('plan');
    const theirs = await api.server.as('council');
    const response = await mine.delete(`/api/sessions/${currentId(theirs)}`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'notFound' });
    expect((await theirs.get('/api/session')).status).toBe(200);
  });

  it('revoking the current session signs me out and clears the cookie', async () => {
    const client = await api.server.as('auditor');
    const id = currentId(client);
    const response = await client.delete(`/api/sessions/${id}`);
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join(';')).toMatch(/kasane_session=;/);
    expect(client.cookie).toBeUndefined();
    const audit = await api.server.latestAudit('session.revoke');
    expect(auditDetails(audit)).toMatchObject({ current: true });
  });

  it('refuses a malformed id with 400 naming it, and needs the CSRF token', async () => {
    const client = await api.server.as('hogokansatsu');
    const bad = await client.delete('/api/sessions/not-a-session');
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body)).toEqual(['パス.id']);
    const forged = await client.request('DELETE', `/api/sessions/${currentId(client)}`, undefined, {
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ code: 'auth.csrf' });
  });
});

describe('POST /api/sessions/revoke-others (sessions.revokeOthers)', () => {
  it('is 401 without a session', async () => {
    expect((await api.server.anonymous().post('/api/sessions/revoke-others')).status).toBe(401);
  });

  it('signs out every other device of mine, keeps this one and other users; audited', async () => {
    const a = await signInWith('coordinator', FIREFOX);
    const b = await signInWith('coordinator', FIREFOX);
    const here = await signInWith('coordinator', EDGE);
    const other = await api.server.as('admin');
    const response = await here.post<{ revoked: number }>('/api/sessions/revoke-others');
    expect(response.status).toBe(200);
    expect(response.body.revoked).toBe(2);
    expect((await a.get('/api/session')).status).toBe(401);
    expect((await b.get('/api/session')).status).toBe(401);
    expect((await here.get('/api/session')).status).toBe(200);
    expect((await other.get('/api/session')).status).toBe(200);
    const list = await here.get<SessionList>('/api/sessions');
    expect(list.body.items.map((s) => s.current)).toEqual([true]);
    const audit = await api.server.latestAudit('session.revoke');
    expect(audit?.actor_login_id).toBe('coordinator');
    expect(auditDetails(audit)).toMatchObject({ others: true, revoked: 2 });
  });
});
