import { expect, test } from './fixtures.ts';
import { expectAccessible, signIn } from './support.ts';

/**
 * 担当職員 in the browser: the demo's open cases are carried by the coordinator; on the case's
 * 概要 the coordinator hands one to a worker of the counter that took it, and the timeline says so.
 */
test('the coordinator sees and changes the 担当職員 of a case', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '事例一覧', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '事例一覧' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '担当', exact: true })).toBeVisible();
  await page.getByLabel('氏名・フリガナ・事例番号など').fill('たけおか');
  await page.getByRole('button', { name: '検索する' }).click();
  const row = page.getByRole('row', { name: /武岡 由美/ });
  await expect(row).toContainText('重層 調整');
  await expectAccessible(page, 'case list with 担当');
  await row.getByRole('link').first().click();

  const section = page.getByRole('region', { name: '担当職員' });
  await expect(section.getByTestId('case-assignee-name')).toHaveText('重層 調整');
  const select = section.getByLabel('担当職員を選ぶ');
  await expect(select).toHaveValue(/.+/);
  await select.selectOption({ label: '保護 担当（保護第一課）' });
  await section.getByRole('button', { name: '担当職員を保存する' }).click();
  await expect(section.getByRole('status')).toContainText('担当職員を保存しました。');
  await expect(section.getByTestId('case-assignee-name')).toHaveText('保護 担当');
  await expectAccessible(page, 'case overview with 担当職員');

  await page
    .getByRole('tablist', { name: '事例の記録' })
    .getByRole('tab', { name: '経過', exact: true })
    .click();
  const timeline = page.getByRole('tabpanel', { name: '経過' });
  await expect(timeline).toContainText('担当職員：重層 調整 → 保護 担当');
});
