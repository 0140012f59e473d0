import { base32Decode, hotp, totpStep } from '../../src/domain/totp.ts';
import { type Browser, expect, type Page, test } from './fixtures.ts';
import { expectAccessible, signIn, signOut } from './support.ts';

const STAFF_PASSWORD = 'sakurajima-haiiro-2026';

/**
 * A fresh account made through the API with the admin's session of `page` (which must be signed
 * in as admin), so these tests never leave a demo account changed for the specs that follow.
 */
async function createStaff(
  page: Page,
  loginId: string,
  displayName: string,
  organization: string,
  role: string,
  mustChangePassword = false,
) {
  const csrf = ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
  const organizations = (await (await page.request.get('/api/organizations')).json()) as {
    items: { id: string; name: string }[];
  };
  const created = await page.request.post('/api/users', {
    headers: { 'x-csrf-token': csrf },
    data: {
      loginId,
      displayName,
      organizationId: organizations.items.find((o) => o.name === organization)?.id,
      roles: [role],
      password: STAFF_PASSWORD,
      mustChangePassword,
    },
  });
  expect(created.status()).toBe(201);
}

async function signInWith(page: Page, loginId: string, password: string): Promise<void> {
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
}

async function signedInContext(browser: Browser, loginId: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, loginId);
  return page;
}

test('a user signed in on two devices signs the other one out', async ({ browser }) => {
  test.setTimeout(120_000); // two browser contexts and two axe runs on a shared 2-core machine
  const laptop = await signedInContext(browser, 'shogai');
  const desk = await signedInContext(browser, 'shogai');

  await desk.getByRole('link', { name: 'ログイン中の端末' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: 'ログイン中の端末' })).toBeVisible();
  const table = desk.getByRole('table', { name: 'ログイン中の端末の一覧' });
  // Both browsers (the demo's own set-up sign-in, made without a browser, may be listed too).
  await expect(table.getByText('Chrome（自動操作）（Linux）')).toHaveCount(2);
  await expect(table.getByText('この端末', { exact: true })).toHaveCount(1);
  await expectAccessible(desk, 'signed-in devices');

  await desk.getByRole('button', { name: 'この端末以外をログアウト' }).click();
  const dialog = desk.getByRole('dialog', { name: 'この端末以外をすべてログアウトさせますか' });
  await expect(dialog).toBeVisible();
  await expectAccessible(desk, 'sign out other devices dialog');
  await dialog.getByRole('button', { name: 'ログアウトさせる' }).click();
  await expect(desk.getByText(/この端末以外の\d台をログアウトさせました。/)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);

  // The other device is signed out at its next request.
  await laptop.reload();
  await expect(laptop).toHaveURL(/\/signin/);
  await expect(laptop.getByRole('button', { name: 'ログイン' })).toBeVisible();

  await laptop.context().close();
  await desk.context().close();
});

test('a user enrols TOTP, keeps the recovery codes, and signs in with a code', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  await createStaff(page, 'totp.shiken', '二段 認証', '地域包括支援センター', 'caseworker');
  await signOut(page);
  await signInWith(page, 'totp.shiken', STAFF_PASSWORD);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await page.getByRole('link', { name: '2段階認証' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2段階認証の設定' })).toBeVisible();
  await expectAccessible(page, 'TOTP off');
  await page.getByRole('button', { name: '設定を始める' }).click();
  const secretText = page.getByTestId('totp-secret');
  await expect(secretText).toBeVisible();
  const secret = base32Decode((await secretText.getAttribute('data-secret')) ?? '');
  await expect(page.getByText(/^otpauth:\/\/totp\/Kasane%3Atotp\.shiken\?/)).toBeVisible();
  await expectAccessible(page, 'TOTP enrolment');

  const step = totpStep(Date.now());
  await page.getByLabel('確認コード（6桁）').fill('12');
  await page.getByRole('button', { name: '有効にする' }).click();
  await expect(page.getByText('認証アプリに表示された6桁の数字を入力してください')).toBeVisible();
  await page.getByLabel('確認コード（6桁）').fill(hotp(secret, step));
  await page.getByRole('button', { name: '有効にする' }).click();
  await expect(page.getByText('2段階認証を有効にしました。')).toBeVisible();
  const codes = page.getByRole('list', { name: '回復コード' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await expectAccessible(page, 'recovery codes');
  await page.getByRole('button', { name: '控えました' }).click();
  await expect(page.getByRole('heading', { name: '2段階認証は有効です' })).toBeVisible();
  await signOut(page);

  // Sign in: the password opens only the second step.
  await signInWith(page, 'totp.shiken', STAFF_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: '確認コードの入力' })).toBeVisible();
  await expectAccessible(page, 'sign-in second step');
  // The activation code was already used: a replay is refused.
  await page.getByLabel(/^確認コード※?/).fill(hotp(secret, step));
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByText(/確認コードが正しくないか、すでに使われています/)).toBeVisible();
  await page.getByLabel(/^確認コード※?/).fill(hotp(secret, step + 1));
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await expect(page.getByText('二段 認証').first()).toBeVisible();
});

test('an admin previews and runs the April reshuffle', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  // A worker leaving the coordinating section and their successor (fresh accounts).
  await createStaff(page, 'tenkin', '転出 試験', '重層事業担当', 'coordinator');
  await createStaff(page, 'kouninsha', '後任 試験', '重層事業担当', 'coordinator');

  await page.getByRole('link', { name: '人事異動の一括処理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '人事異動の一括処理' })).toBeVisible();
  await expectAccessible(page, 'reshuffle form');

  // A successor in another organisation is refused, naming the row.
  await page.getByLabel('引継ぎ元').selectOption({ label: '転出 試験（tenkin・重層事業担当）' });
  await page.getByLabel('引継ぎ先').selectOption({ label: '包括 相談（houkatsu・地域包括支援センター）' });
  await page.getByRole('button', { name: '件数を確認する' }).click();
  await expect(
    page.getByText(/1行目：引継ぎ先の「包括 相談」は引継ぎ元（重層事業担当）と別の組織です/).first(),
  ).toBeVisible();

  await page.getByLabel('引継ぎ先').selectOption({ label: '後任 試験（kouninsha・重層事業担当）' });
  await page.getByRole('checkbox', { name: '転出 試験（tenkin・重層事業担当）' }).check();
  await page.getByRole('button', { name: '件数を確認する' }).click();
  await expect(page.getByRole('heading', { name: '処理内容の確認' })).toBeVisible();
  const moves = page.getByRole('table', { name: '引き継ぐ事例' });
  await expect(moves.getByRole('row', { name: /転出 試験 後任 試験/ })).toBeVisible();
  const disabled = page.getByRole('table', { name: '無効にするアカウント' });
  await expect(disabled.getByRole('row', { name: /転出 試験/ })).toBeVisible();
  await expectAccessible(page, 'reshuffle preview');

  await page.getByRole('button', { name: '実行する' }).click();
  const dialog = page.getByRole('dialog', { name: '人事異動の一括処理を実行しますか' });
  await dialog.getByRole('button', { name: '実行する' }).click();
  await expect(page.getByText('人事異動の一括処理を実行しました。')).toBeVisible();

  // The leaving worker's account is now disabled.
  await page.getByRole('link', { name: 'ユーザー管理' }).click();
  await page.getByLabel('無効も表示').check();
  await expect(page.getByRole('row', { name: /転出 試験/ }).getByText('無効')).toBeVisible();
});

test('a user changes their password; an admin unlocks and requires TOTP for staff', async ({ page }) => {
  test.setTimeout(240_000); // nine argon2 sign-ins and five axe runs on a shared 2-core machine
  await signIn(page, 'admin');
  // 「次回ログイン時にパスワード変更を求める」: the new account's first sign-in opens only the change
  await createStaff(page, 'pw.shiken', '変更 試験', '地域福祉課', 'planOfficer', true);
  await signOut(page);
  await signInWith(page, 'pw.shiken', STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole('heading', { level: 1, name: 'パスワードの変更' })).toBeVisible();
  await expect(page.getByText('パスワードの変更が必要です')).toBeVisible();
  await page.getByLabel(/^現在のパスワード/).fill(STAFF_PASSWORD);
  await page.getByLabel(/^新しいパスワード/).fill('my-PW.shiken-2026');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByText(/ログインIDを含めることはできません/).first()).toBeVisible();
  await expectAccessible(page, 'password change with an error');
  await page.getByLabel(/^新しいパスワード/).fill('shiroyama-tenmonkan-7');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByText(/パスワードを変更しました。/)).toBeVisible();
  // the change lifts the restriction: the other pages open again
  await page.getByRole('link', { name: 'ホーム' }).click();
  await expect(page).toHaveURL(/\/$/);
  await signOut(page);

  // Three wrong passwords lock nothing yet but warn; the admin can lift a lock.
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('ログインID').fill('council');
    await page.getByLabel('パスワード').fill(`wrong-password-${i}`);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
  }
  await expect(page.getByText(/一時的にロックしています（あと約15分）/)).toBeVisible();

  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'ユーザー管理' }).click();
  await page
    .getByRole('link', { name: /連絡 委員/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'ログインの管理（ロック解除・パスワード再設定）' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '連絡 委員 さんのログインの管理' })).toBeVisible();
  await expect(page.getByText(/までロックされています/)).toBeVisible();
  await expectAccessible(page, 'user sign-in management');
  await page.getByRole('button', { name: 'ロックを解除する' }).click();
  await expect(page.getByText('ロックを解除しました。')).toBeVisible();
  await expect(page.getByText('ロックされていません。')).toBeVisible();

  await page.getByRole('link', { name: '市の設定' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '市の設定' })).toBeVisible();
  await expectAccessible(page, 'city settings');
  await page.getByRole('checkbox', { name: '管理者と重層事業担当に2段階認証（TOTP）を必須にする' }).check();
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('設定を保存しました。')).toBeVisible();
  // The admin has no TOTP yet: from now on only the enrolment page opens.
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/account\/totp$/);
  await expect(page.getByText('2段階認証の設定が必要です')).toBeVisible();
  await expectAccessible(page, 'required TOTP enrolment');

  // The admin enrols; then the city switch goes back off and TOTP with it, as the demo had them.
  await page.getByRole('button', { name: '設定を始める' }).click();
  const secret = base32Decode((await page.getByTestId('totp-secret').getAttribute('data-secret')) ?? '');
  const step = totpStep(Date.now());
  await page.getByLabel(/^確認コード（6桁）/).fill(hotp(secret, step));
  await page.getByRole('button', { name: '有効にする' }).click();
  await page.getByRole('button', { name: '控えました' }).click();
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: '市の設定' })).toBeVisible();
  await page.getByRole('checkbox', { name: '管理者と重層事業担当に2段階認証（TOTP）を必須にする' }).uncheck();
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('設定を保存しました。')).toBeVisible();
  await page.getByRole('link', { name: '2段階認証' }).click();
  await page.getByLabel(/^確認コード（6桁）/).fill(hotp(secret, step + 1));
  await page.getByRole('button', { name: '2段階認証を無効にする' }).click();
  await expect(page.getByRole('heading', { name: '2段階認証は無効です' })).toBeVisible();
});
