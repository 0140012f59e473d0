import { type Browser, expect, type Page, test } from '@playwright/test';
import { base32Decode, hotp, totpStep } from '../../src/domain/totp.ts';
import { DEMO_PASSWORD, expectAccessible, signIn, signOut } from './support.ts';

async function signedInContext(browser: Browser, loginId: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, loginId);
  return page;
}

test('a user signed in on two devices signs the other one out', async ({ browser }) => {
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
  await signIn(page, 'houkatsu');
  await page.getByRole('link', { name: '2段階認証' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2段階認証の設定' })).toBeVisible();
  await expectAccessible(page, 'TOTP off');
  await page.getByRole('button', { name: '設定を始める' }).click();
  const secretText = page.getByTestId('totp-secret');
  await expect(secretText).toBeVisible();
  const secret = base32Decode((await secretText.getAttribute('data-secret')) ?? '');
  await expect(page.getByText(/^otpauth:\/\/totp\/Kasane%3Ahoukatsu\?/)).toBeVisible();
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
  await page.getByLabel('ログインID').fill('houkatsu');
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '確認コードの入力' })).toBeVisible();
  await expectAccessible(page, 'sign-in second step');
  // The activation code was already used: a replay is refused.
  await page.getByLabel(/^確認コード※?/).fill(hotp(secret, step));
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByText(/確認コードが正しくないか、すでに使われています/)).toBeVisible();
  await page.getByLabel(/^確認コード※?/).fill(hotp(secret, step + 1));
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await expect(page.getByText('包括 相談').first()).toBeVisible();
});

test('an admin previews and runs the April reshuffle', async ({ page }) => {
  await signIn(page, 'admin');
  // A successor in the coordinating section, created through the API with the page's session.
  const session = await page.request.get('/api/session');
  const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
  const organizations = (await (await page.request.get('/api/organizations')).json()) as {
    items: { id: string; name: string }[];
  };
  const section = organizations.items.find((o) => o.name === '重層事業担当');
  const created = await page.request.post('/api/users', {
    headers: { 'x-csrf-token': csrf },
    data: {
      loginId: 'kouninsha',
      displayName: '後任 試験',
      organizationId: section?.id,
      roles: ['coordinator'],
      password: 'sakurajima-haiiro-2026',
    },
  });
  expect(created.status()).toBe(201);

  await page.getByRole('link', { name: '人事異動の一括処理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '人事異動の一括処理' })).toBeVisible();
  await expectAccessible(page, 'reshuffle form');

  // A successor in another organisation is refused, naming the row.
  await page.getByLabel('引継ぎ元').selectOption({ label: '重層 調整（coordinator・重層事業担当）' });
  await page.getByLabel('引継ぎ先').selectOption({ label: '包括 相談（houkatsu・地域包括支援センター）' });
  await page.getByRole('button', { name: '件数を確認する' }).click();
  await expect(
    page.getByText(/1行目：引継ぎ先の「包括 相談」は引継ぎ元（重層事業担当）と別の組織です/).first(),
  ).toBeVisible();

  await page.getByLabel('引継ぎ先').selectOption({ label: '後任 試験（kouninsha・重層事業担当）' });
  await page.getByRole('checkbox', { name: '重層 調整（coordinator・重層事業担当）' }).check();
  await page.getByRole('button', { name: '件数を確認する' }).click();
  await expect(page.getByRole('heading', { name: '処理内容の確認' })).toBeVisible();
  const moves = page.getByRole('table', { name: '引き継ぐ事例' });
  await expect(moves.getByRole('row', { name: /重層 調整 後任 試験/ })).toBeVisible();
  const disabled = page.getByRole('table', { name: '無効にするアカウント' });
  await expect(disabled.getByRole('row', { name: /重層 調整/ })).toBeVisible();
  await expectAccessible(page, 'reshuffle preview');

  await page.getByRole('button', { name: '実行する' }).click();
  const dialog = page.getByRole('dialog', { name: '人事異動の一括処理を実行しますか' });
  await dialog.getByRole('button', { name: '実行する' }).click();
  await expect(page.getByText('人事異動の一括処理を実行しました。')).toBeVisible();

  // The coordinator's account is now disabled.
  await page.getByRole('link', { name: 'ユーザー管理' }).click();
  await page.getByLabel('無効も表示').check();
  await expect(page.getByRole('row', { name: /重層 調整/ }).getByText('無効')).toBeVisible();
});

test('a user changes their password; an admin unlocks and requires TOTP for staff', async ({ page }) => {
  test.setTimeout(180_000); // seven argon2 sign-ins and five axe runs on a shared 2-core machine
  await signIn(page, 'plan');
  await page.getByRole('link', { name: 'パスワードの変更' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'パスワードの変更' })).toBeVisible();
  await page.getByLabel(/^現在のパスワード/).fill(DEMO_PASSWORD);
  await page.getByLabel(/^新しいパスワード/).fill('my-plan-2026-x');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByText(/ログインIDを含めることはできません/).first()).toBeVisible();
  await expectAccessible(page, 'password change with an error');
  await page.getByLabel(/^新しいパスワード/).fill('shiroyama-tenmonkan-7');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByText(/パスワードを変更しました。/)).toBeVisible();
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
});
