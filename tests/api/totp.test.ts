import { beforeAll, describe, expect, it } from 'vitest';
import type { RecoveryCodes, TotpEnrolment, TotpStatus } from '../../src/contract/accounts.ts';
import type { Me } from '../../src/contract/session.ts';
import { base32Decode, hotp, totpStep } from '../../src/domain/totp.ts';
import { demoApi } from '../support/demoApi.ts';
import { demoDirectory } from '../support/factories.ts';
import { type ApiClient, auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi();

/**
 * The next code an authenticator app would show that the server has not yet seen: a code of the
 * current window newer than the last used step. When the window is used up, 30 seconds "pass" by
 * moving the last used step back (the test cannot wait), which is exactly what real time does.
 */
async function nextCode(secret: string, loginId: string): Promise<string> {
  const dir = await demoDirectory(api.server.database.db);
  const userId = dir.user(loginId).id;
  const row = await api.server.database.db
    .selectFrom('user_totp')
    .select('last_used_step')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const now = totpStep(Date.now());
  let last = row?.last_used_step == null ? null : Number(row.last_used_step);
  if (last !== null && last >= now + 1) {
    await api.server.database.db
      .updateTable('user_totp')
      .set({ last_used_step: now - 2 })
      .where('user_id', '=', userId)
      .execute();
    last = now - 2;
  }
  const step = last === null ? now : Math.max(now - 1, last + 1);
  return hotp(base32Decode(secret), step);
}

async function enrol(
  client: ApiClient,
  loginId: string,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrolment = await client.post<TotpEnrolment>('/api/totp/enroll');
  expect(enrolment.status).toBe(200);
  const activation = await client.post<RecoveryCodes>('/api/totp/activate', {
    code: await nextCode(enrolment.body.secret, loginId),
  });
  expect(activation.status).toBe(200);
  return { secret: enrolment.body.secret, recoveryCodes: activation.body.recoveryCodes };
}

describe('TOTP enrolment (totp.get, totp.enroll, totp.activate)', () => {
  it('are 401 without a session', async () => {
    const anonymous = api.server.anonymous();
    expect((await anonymous.get('/api/totp')).status).toBe(401);
    expect((await anonymous.post('/api/totp/enroll')).status).toBe(401);
    expect((await anonymous.post('/api/totp/activate', { code: '123456' })).status).toBe(401);
    expect((await anonymous.post('/api/totp/disable', { code: '123456' })).status).toBe(401);
  });

  it('enrols: secret + otpauth URI, stored encrypted; a wrong code is 400; the right one turns it on with recovery codes', async () => {
    const client = await api.server.as('houkatsu');
    const before = await client.get<TotpStatus>('/api/totp');
    expect(before.body).toMatchObject({ enabled: false, enrolmentPending: false, required: false });
    expect(before.body.abilities).toEqual({ enroll: true, disable: false });

    const noPending = await client.post('/api/totp/activate', { code: '123456' });
    expect(noPending.status).toBe(409);

    const enrolment = await client.post<TotpEnrolment>('/api/totp/enroll');
    expect(enrolment.status).toBe(200);
    expect(enrolment.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(enrolment.body.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.pathname).toBe('/Kasane%3Ahoukatsu');
    expect(uri.searchParams.get('secret')).toBe(enrolment.body.secret);
    const dir = await demoDirectory(api.server.database.db);
    const stored = await api.server.database.db
      .selectFrom('user_totp')
      .selectAll()
      .where('user_id', '=', dir.user('houkatsu').id)
      .executeTakeFirstOrThrow();
    expect(stored.activated_at).toBeNull();
    expect(stored.secret_encrypted).not.toContain(enrolment.body.secret);
    expect(stored.secret_encrypted).not.toContain(base32Decode(enrolment.body.secret).toString('base64url'));
    expect((await api.server.latestAudit('totp.enroll'))?.actor_login_id).toBe('houkatsu');

    const malformed = await client.post('/api/totp/activate', { code: '12ab' });
    expect(malformed.status).toBe(400);
    expect(problemFields(malformed.body)).toEqual(['code']);
    const good = await nextCode(enrolment.body.secret, 'houkatsu');
    const wrong = await client.post('/api/totp/activate', { code: good === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(problemFields(wrong.body)).toEqual(['code']);

    const activation = await client.post<RecoveryCodes>('/api/totp/activate', { code: good });
    expect(activation.status).toBe(200);
    expect(activation.body.recoveryCodes).toHaveLength(10);
    const hashes = await api.server.database.db
      .selectFrom('totp_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', dir.user('houkatsu').id)
      .execute();
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) expect(activation.body.recoveryCodes.join()).not.toContain(code_hash);
    expect(auditDetails(await api.server.latestAudit('totp.activate'))).toMatchObject({ recoveryCodes: 10 });

    const after = await client.get<TotpStatus>('/api/totp');
    expect(after.body).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
      abilities: { enroll: false, disable: true },
    });
    expect((await client.post('/api/totp/enroll')).status).toBe(409);
    expect((await client.post('/api/totp/activate', { code: good })).status).toBe(409);
  });
});

describe('sign-in with TOTP (session.create → 202, session.verifyTotp)', () => {
  let secret = '';
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    ({ secret, recoveryCodes } = await enrol(await api.server.as('hogo'), 'hogo'));
  });

  it('answers 202 with a pending second step and no session; a replayed code is refused; a fresh one signs in', async () => {
    const client = api.server.anonymous();
    const first = await client.signIn('hogo');
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ secondFactorRequired: true });
    expect(client.cookie).toBeUndefined();
    const challengeCookie = first.headers.getSetCookie().find((c) => c.startsWith('kasane_signin='));
    expect(challengeCookie).toMatch(/HttpOnly/i);
    expect(challengeCookie).toMatch(/Path=\/api\/session/);
    const cookie = (challengeCookie ?? '').split(';')[0] ?? '';
    expect((await client.get('/api/session')).status).toBe(401);

    // The code used at activation (same window) is a replay.
    const dir = await demoDirectory(api.server.database.db);
    const used = await api.server.database.db
      .selectFrom('user_totp')
      .select('last_used_step')
      .where('user_id', '=', dir.user('hogo').id)
      .executeTakeFirstOrThrow();
    const replayed = await client.request(
      'POST',
      '/api/session/totp',
      {
        code: hotp(base32Decode(secret), Number(used.last_used_step)),
      },
      { headers: { cookie } },
    );
    expect(replayed.status).toBe(401);
    expect(replayed.body).toMatchObject({ code: 'auth.totpInvalid' });

    const verified = await client.request<Me>(
      'POST',
      '/api/session/totp',
      { code: await nextCode(secret, 'hogo') },
      {
        headers: { cookie },
      },
    );
    expect(verified.status).toBe(200);
    expect(verified.body.user.loginId).toBe('hogo');
    client.csrfToken = verified.body.csrfToken;
    expect((await client.get('/api/session')).status).toBe(200);
    const audit = await api.server.latestAudit('session.signIn');
    expect(auditDetails(audit)).toMatchObject({ secondFactor: 'totp' });
    expect((await api.server.latestAudit('session.secondFactorFailed'))?.actor_login_id).toBe('hogo');

    // the attempt is bound to its challenge: once used, it cannot sign in again
    const again = await client.request(
      'POST',
      '/api/session/totp',
      { code: await nextCode(secret, 'hogo') },
      {
        headers: { cookie },
      },
    );
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ code: 'auth.signInChallengeExpired' });
  });

  it('is 401 without a pending sign-in, and 400 naming the field for bad input', async () => {
    const client = api.server.anonymous();
    const none = await client.post('/api/session/totp', { code: '123456' });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 'auth.signInChallengeExpired' });
    const bad = await client.post('/api/session/totp', {});
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body)).toEqual(['code']);
  });

  it('accepts a recovery code once', async () => {
    const code = recoveryCodes[0] ?? '';
    const first = api.server.anonymous();
    expect((await first.signIn('hogo')).status).toBe(202);
    const pending = first.cookie;
    const challenge = await first.signIn('hogo');
    const cookie =
      (challenge.headers.getSetCookie().find((c) => c.startsWith('kasane_signin=')) ?? '').split(';')[0] ??
      '';
    expect(pending).toBeUndefined();
    const ok = await first.request<Me>(
      'POST',
      '/api/session/totp',
      { code: code.toUpperCase() },
      { headers: { cookie } },
    );
    expect(ok.status).toBe(200);
    expect(auditDetails(await api.server.latestAudit('session.signIn'))).toMatchObject({
      secondFactor: 'recoveryCode',
    });

    const second = api.server.anonymous();
    const challenge2 = await second.signIn('hogo');
    const cookie2 =
      (challenge2.headers.getSetCookie().find((c) => c.startsWith('kasane_signin=')) ?? '').split(';')[0] ??
      '';
    const reused = await second.request(
      'POST',
      '/api/session/totp',
      { code },
      { headers: { cookie: cookie2 } },
    );
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ code: 'auth.totpInvalid' });
  });

  it('spends the pending sign-in after three wrong codes, and a stale one expires', async () => {
    const client = api.server.anonymous();
    const challenge = await client.signIn('hogo');
    const cookie =
      (challenge.headers.getSetCookie().find((c) => c.startsWith('kasane_signin=')) ?? '').split(';')[0] ??
      '';
    const dir = await demoDirectory(api.server.database.db);
    const hogo = dir.user('hogo').id;
    const failedCount = async () =>
      (
        await api.server.database.db
          .selectFrom('users')
          .select('failed_sign_in_count')
          .where('id', '=', hogo)
          .executeTakeFirstOrThrow()
      ).failed_sign_in_count;
    const before = await failedCount();
    const answers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await client.request(
        'POST',
        '/api/session/totp',
        { code: '000000' },
        { headers: { cookie } },
      );
      expect(response.status).toBe(401);
      answers.push((response.body as { code: string }).code);
    }
    expect(answers).toEqual([
      'auth.totpInvalid',
      'auth.totpInvalid',
      'auth.signInChallengeExpired',
      'auth.signInChallengeExpired',
    ]);
    // Wrong second factors count towards the account lockout as well.
    expect(await failedCount()).toBe(before + 3);
    await api.server.database.db
      .updateTable('users')
      .set({ failed_sign_in_count: 0, locked_until: null })
      .where('id', '=', hogo)
      .execute();

    const stale = api.server.anonymous();
    const staleChallenge = await stale.signIn('hogo');
    const staleCookie =
      (staleChallenge.headers.getSetCookie().find((c) => c.startsWith('kasane_signin=')) ?? '').split(
        ';',
      )[0] ?? '';
    await api.server.database.db
      .updateTable('sign_in_challenges')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('consumed_at', 'is', null)
      .execute();
    const late = await stale.request(
      'POST',
      '/api/session/totp',
      { code: await nextCode(secret, 'hogo') },
      {
        headers: { cookie: staleCookie },
      },
    );
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ code: 'auth.signInChallengeExpired' });
  });
});

describe('POST /api/totp/disable (totp.disable)', () => {
  it('is 409 when TOTP is off, 400 for a wrong code, and turns it off with a current code; audited', async () => {
    const shogai = await api.server.as('shogai');
    expect((await shogai.post('/api/totp/disable', { code: '123456' })).status).toBe(409);
    const { secret } = await enrol(shogai, 'shogai');
    const bad = await shogai.post('/api/totp/disable', { code: 'abc' });
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body)).toEqual(['code']);
    const response = await shogai.post('/api/totp/disable', { code: await nextCode(secret, 'shogai') });
    expect(response.status).toBe(204);
    expect((await shogai.get<TotpStatus>('/api/totp')).body.enabled).toBe(false);
    expect((await api.server.latestAudit('totp.disable'))?.actor_login_id).toBe('shogai');
    expect((await api.server.anonymous().signIn('shogai')).status).toBe(200);
  });
});

describe('tenant setting: TOTP required for admin and coordinator (tenantSettings.get/update)', () => {
  it('is 401 without a session, 403 for a role without user.manage, 400 naming the field', async () => {
    expect((await api.server.anonymous().get('/api/tenant-settings')).status).toBe(401);
    const coordinator = await api.server.as('coordinator');
    expect((await coordinator.get('/api/tenant-settings')).status).toBe(403);
    expect((await coordinator.patch('/api/tenant-settings', { totpRequiredForStaff: true })).status).toBe(
      403,
    );
    const admin = await api.server.as('admin');
    const bad = await admin.patch('/api/tenant-settings', { totpRequiredForStaff: 'yes' });
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body)).toEqual(['totpRequiredForStaff']);
  });

  it('when on, an admin or coordinator without TOTP reaches only enrolment (403 totpEnrolmentRequired) until enrolled', async () => {
    const admin = await api.server.as('admin');
    expect((await admin.get('/api/tenant-settings')).body).toMatchObject({
      totpRequiredForStaff: false,
      updatedAt: null,
    });
    const on = await admin.patch('/api/tenant-settings', { totpRequiredForStaff: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ totpRequiredForStaff: true });
    const audit = await api.server.latestAudit('tenantSettings.update');
    expect(auditDetails(audit)).toMatchObject({
      before: { totpRequiredForStaff: false },
      after: { totpRequiredForStaff: true },
    });

    // the admin who switched it on is now held at enrolment too
    const blocked = await admin.get('/api/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'totpEnrolmentRequired' });

    const coordinator = await api.server.as('coordinator');
    const me = await coordinator.get<Me>('/api/session');
    expect(me.body.totpEnrolmentRequired).toBe(true);
    const cases = await coordinator.get('/api/cases');
    expect(cases.status).toBe(403);
    expect(cases.body).toMatchObject({ code: 'totpEnrolmentRequired' });
    expect((await coordinator.get<TotpStatus>('/api/totp')).body).toMatchObject({
      required: true,
      enabled: false,
    });

    // a caseworker is not concerned
    const caseworker = await api.server.as('hogokansatsu');
    expect((await caseworker.get<Me>('/api/session')).body.totpEnrolmentRequired).toBe(false);
    expect((await caseworker.get('/api/cases')).status).toBe(200);

    const { secret } = await enrol(coordinator, 'coordinator');
    expect((await coordinator.get<Me>('/api/session')).body.totpEnrolmentRequired).toBe(false);
    expect((await coordinator.get('/api/cases')).status).toBe(200);
    // required: cannot be turned off
    const off = await coordinator.post('/api/totp/disable', { code: await nextCode(secret, 'coordinator') });
    expect(off.status).toBe(409);
    expect((await coordinator.get<TotpStatus>('/api/totp')).body.abilities.disable).toBe(false);

    const { secret: adminSecret } = await enrol(admin, 'admin');
    const offAgain = await admin.patch('/api/tenant-settings', { totpRequiredForStaff: false });
    expect(offAgain.status).toBe(200);
    // a coordinator with TOTP on must now give the second step at sign-in
    const fresh = api.server.anonymous();
    expect((await fresh.signIn('coordinator')).status).toBe(202);
    expect(adminSecret).toMatch(/^[A-Z2-7]+$/);
  });
});
