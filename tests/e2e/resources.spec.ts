import { expect, test } from './fixtures.ts';
import { expectAccessible, signIn } from './support.ts';

/**
 * Issue #12 in the browser: the 社会資源 directory searched by area and kind, read and kept by the
 * coordinating section.
 */

test('the coordinator finds a 居場所 near the person’s 校区 and adds a resource to the directory', async ({
  page,
}) => {
  await signIn(page, 'coordinator');
  await page.getByRole('navigation').getByRole('link', { name: '社会資源' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '社会資源' })).toBeVisible();
  await expect(page.getByRole('region', { name: '社会資源の一覧' })).toContainText(/全3\d件/);
  await expectAccessible(page, 'resource list');

  await page.getByLabel('校区').selectOption('清水校区');
  await page.getByLabel('種別').selectOption('ibasho');
  await page.getByRole('button', { name: '検索する' }).click();
  const rows = page.getByRole('region', { name: '社会資源の一覧' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('ひきこもり家族会・居場所「こもれび」');
  await expect(rows.nth(1)).toContainText('同じ校区');

  await rows.nth(1).getByRole('link').click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'ひきこもり家族会・居場所「こもれび」' }),
  ).toBeVisible();
  await expect(page.getByText('毎月 第2日 13:30〜16:00（家族会は第2日曜日）')).toBeVisible();
  await expectAccessible(page, 'resource detail');

  await page.getByRole('link', { name: '社会資源の一覧に戻る' }).click();
  await page.getByRole('link', { name: '社会資源を登録' }).click();
  await page.getByLabel(/^名称/).fill('（試験）清水の居場所カフェ');
  await page.getByLabel('居場所', { exact: true }).check();
  await page.getByLabel('団体名').fill('（試験）清水まちづくりの会');
  await page.getByLabel('校区', { exact: true }).fill('清水校区');
  await page.getByLabel('地区', { exact: true }).fill('上町地区');
  await page.getByRole('button', { name: '開催日時を追加' }).click();
  await page.getByLabel('頻度').selectOption('MONTHLY');
  await page.getByLabel('曜日').fill('2SA,4SA');
  await page.getByLabel('開始時刻').fill('10:00');
  await page.getByLabel('終了時刻').fill('14:00');
  await expectAccessible(page, 'resource form');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('status')).toHaveText('「（試験）清水の居場所カフェ」を登録しました。');
  await expect(page.getByText('毎月 第2土・第4土 10:00〜14:00')).toBeVisible();
});

test('a caseworker reads the directory but cannot change it', async ({ page }) => {
  await signIn(page, 'houkatsu');
  await page.getByRole('navigation').getByRole('link', { name: '社会資源' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '社会資源' })).toBeVisible();
  await expect(page.getByRole('link', { name: '社会資源を登録' })).toHaveCount(0);
});
