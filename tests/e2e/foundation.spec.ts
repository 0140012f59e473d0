import { expect, test } from './fixtures.ts';
import { expectAccessible, signIn, signOut } from './support.ts';

const councilOrganizations = [
  '鹿児島保護観察所',
  '鹿児島地方検察庁',
  '鹿児島少年鑑別所',
  '鹿児島保護区保護司会',
  '鹿児島市更生保護女性会',
  '更生保護法人草牟田寮',
  '鹿児島地区BBS会',
  '鹿児島県協力雇用主会',
  '鹿児島県弁護士会',
  '鹿児島県地域生活定着センター',
];

test('the app answers health, serves a Japanese page, and lets the coordinator sign in', async ({
  page,
  request,
}) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  const html = await (await request.get('/')).text();
  expect(html).toMatch(/<html[^>]*lang="ja"/);

  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expectAccessible(page, 'sign-in page');

  await page.getByLabel('ログインID').fill('coordinator');
  await page.getByLabel('パスワード').fill('wrong-password');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByText('ログインIDまたはパスワードが正しくありません。')).toBeVisible();
  await expectAccessible(page, 'sign-in page with an error');

  await signIn(page, 'coordinator');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('重層 調整');
  await expect(page.getByText('重層事業担当').first()).toBeVisible();
  await expect(page.getByText(/令和\d+年度/).first()).toBeVisible();
  // The coordinator has no user administration.
  await expect(page.getByRole('link', { name: 'ユーザー管理' })).toHaveCount(0);
  await signOut(page);
});

test('admin lists the 10 council organisations and creates an organisation', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '組織管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '組織管理' })).toBeVisible();
  const table = page.getByRole('table');
  for (const name of councilOrganizations) await expect(table.getByText(name, { exact: true })).toBeVisible();
  await expectAccessible(page, 'organisation list');

  await page.getByRole('link', { name: '組織を登録' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '組織を登録' })).toBeVisible();
  await page.getByRole('button', { name: '組織を登録' }).click();
  await expect(page.getByLabel('名称')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'organisation form with errors');

  await page.getByLabel('名称').fill('鹿児島市社会福祉協議会');
  await page.getByLabel('フリガナ').fill('カゴシマシシャカイフクシキョウギカイ');
  await page.getByLabel('種別').selectOption({ label: '民間団体' });
  await page.getByLabel('電話番号').fill('099-000-0000');
  await page.getByRole('button', { name: '組織を登録' }).click();
  await expect(page.getByText('組織「鹿児島市社会福祉協議会」を登録しました。')).toBeVisible();
  await expect(page.getByRole('table').getByText('鹿児島市社会福祉協議会', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'ユーザー管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ユーザー管理' })).toBeVisible();
  await expect(page.getByRole('table').getByText('coordinator', { exact: true })).toBeVisible();
  await expectAccessible(page, 'user list');
  await page.getByRole('link', { name: 'ユーザーを登録' }).click();
  await expectAccessible(page, 'user form');
  await signOut(page);
});

test('the screens work from the keyboard alone', async ({ page }) => {
  await page.goto('/signin');
  // The app renders after the script loads: wait for the form before pressing keys.
  await expect(page.getByLabel('ログインID')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '本文へスキップ' })).toBeFocused();
  await page.getByLabel('ログインID').focus();
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kasane-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
});
