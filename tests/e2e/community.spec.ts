import { expect, test } from './fixtures.ts';
import { expectAccessible, signIn } from './support.ts';

/**
 * Issue #12 in the browser: 地域づくり kept by the coordinating section — an activity registered at a
 * 拠点, a session recorded as a count, the 年度's indicators — and an HSDS file imported after its preview.
 */
test('the coordinator registers a 地域づくり activity and records a session', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.getByRole('navigation').getByRole('link', { name: '地域づくり' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '地域づくり' })).toBeVisible();
  const totals = page.getByRole('region', { name: /の地域づくりの指標/ });
  await expect(totals.getByRole('row', { name: /^拠点数/ })).toBeVisible();
  await expectAccessible(page, 'community list');

  await page.getByRole('link', { name: '活動を登録' }).click();
  await page.getByLabel(/^活動の名称/).fill('（試験）坂元ふれあいサロン');
  await page.getByLabel(/^活動の種類/).selectOption('salon');
  await page.getByLabel('拠点の名称').fill('（試験）坂元公民館');
  await page.getByLabel('校区', { exact: true }).fill('坂元校区');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('status')).toHaveText('「（試験）坂元ふれあいサロン」を登録しました。');

  await page.getByLabel(/^参加者数/).fill('14');
  await page.getByLabel('参加した団体・機関').fill('坂元校区自治会\n民生委員児童委員協議会');
  await page.getByRole('button', { name: '開催を記録する' }).click();
  await expect(
    page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: '開催を記録しました。' }),
  ).toBeVisible();
  const sessions = page.getByRole('region', { name: '開催の記録（新しい順）' });
  await expect(sessions.getByRole('row').nth(1)).toContainText('坂元校区自治会、民生委員児童委員協議会');
  await expectAccessible(page, 'community activity');
});

test('the coordinator imports an HSDS file after its preview', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.getByRole('navigation').getByRole('link', { name: '社会資源' }).click();
  await page.getByRole('link', { name: 'HSDSファイルの取込' }).click();
  const service = {
    id: 'b6f3a0f2-6a0e-4d49-9d1e-5b8f9f0c1a11',
    name: '（試験）取込の居場所',
    status: 'active',
  };
  await page.getByLabel(/^HSDSファイル/).setInputFiles({
    name: 'hsds.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([service])),
  });
  await page.getByRole('button', { name: '内容を確認する' }).click();
  const preview = page.getByRole('region', { name: '取り込まれるサービス' });
  await expect(preview.getByRole('row').nth(1)).toContainText('（試験）取込の居場所');
  await expect(preview.getByRole('row').nth(1)).toContainText('新規登録');
  await expectAccessible(page, 'hsds import preview');
  await page.getByRole('button', { name: '取り込む' }).click();
  await expect(page.getByText('1件を取り込みました（新規 1件、更新 0件）。')).toBeVisible();
});
