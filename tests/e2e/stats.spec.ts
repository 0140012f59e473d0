import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures.ts';
import { expectAccessible, signIn } from './support.ts';

const figure = (name: RegExp) => ({ name });

/**
 * The coordinator's home (issue 10): the demo's waiting handover and overdue monitoring are on it,
 * and following a figure opens the list it counts, filtered the same way.
 */
test('the coordinator’s home shows what waits and each figure opens its filtered list', async ({ page }) => {
  await signIn(page, 'coordinator');
  const home = page.getByRole('region', { name: '重層事業担当の状況' });
  await expect(home).toBeVisible();

  // the handover waiting in the demo: 伊敷 大地, from 障害者相談支援事業所, with its days waiting
  const waiting = home.getByRole('region', { name: '受理待ちの引継ぎ（待ち日数）' });
  await expect(waiting.getByRole('row', { name: /伊敷 大地/ })).toContainText('障害者相談支援事業所');
  await expect(waiting.getByRole('row', { name: /伊敷 大地/ })).toContainText(/\d+日/);
  await expectAccessible(page, 'coordinator home');

  // the overdue monitoring of the demo's 9060 household; the figure and its list agree
  const overdue = home.getByRole('link', figure(/^モニタリング期限超過/));
  const count = Number((await overdue.textContent())?.match(/(\d+)件/)?.[1]);
  expect(count).toBeGreaterThanOrEqual(1);
  await overdue.click();
  await expect(page).toHaveURL(/\/cases\?monitoring=overdue/);
  await expect(page.getByRole('heading', { level: 1, name: '事例一覧' })).toBeVisible();
  await expect(page.getByRole('row', { name: /上町 昭/ })).toBeVisible();
  await expect(page.getByLabel('モニタリング')).toHaveValue('overdue');
  await expect(page.getByRole('table', { name: '事例の一覧' }).locator('tbody tr')).toHaveCount(count);

  // a stage figure opens the list of that stage
  await page.goto('/');
  const supporting = page
    .getByRole('region', { name: '重層事業担当の状況' })
    .getByRole('link', figure(/^支援中/));
  const supportingCount = Number((await supporting.textContent())?.match(/(\d+)件/)?.[1]);
  await supporting.click();
  await expect(page).toHaveURL(/stage=supporting/);
  await expect(page.getByRole('table', { name: '事例の一覧' }).locator('tbody tr')).toHaveCount(
    supportingCount,
  );

  // the search box finds the 8050 household by its kanji name
  await page.goto('/cases');
  await page.getByLabel('氏名・フリガナ・事例番号など').fill('城山');
  await page.getByRole('button', { name: '検索する' }).click();
  await expect(page.getByRole('table', { name: '事例の一覧' }).locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('row', { name: /城山 和夫/ })).toBeVisible();
  // 「Excelで出力」 downloads the list as filtered: the header and the one case found
  const [cases] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Excelで出力' }).click(),
  ]);
  const book = await new ExcelJS.Workbook().xlsx.readFile(await cases.path());
  expect(book.getWorksheet('事例一覧')?.getRow(2).getCell(2).value).toBe('城山 和夫');
  expect(book.getWorksheet('事例一覧')?.rowCount).toBe(2);
});

test('the meeting calendar shows a week and a month of meetings, accessibly', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '会議カレンダー', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '会議カレンダー' })).toBeVisible();
  await expect(page.getByRole('table', { name: /^週の会議/ })).toBeVisible();
  await expectAccessible(page, 'meeting calendar (week)');
  await page.getByRole('link', { name: '月表示にする' }).click();
  await expect(page.getByRole('table', { name: /^月の会議/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '月', exact: true })).toBeVisible();
  await expectAccessible(page, 'meeting calendar (month)');
});

test('統計・実績 renders its charts with their tables and downloads xlsx and PDF', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '統計・実績', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '統計・実績' })).toBeVisible();
  await expect(page.getByRole('img', { name: /新規相談の月別件数の棒グラフ/ })).toBeVisible();
  await expect(page.getByRole('table', { name: '月別の推移（表）' })).toBeVisible();
  const totals = page.getByRole('table', { name: /^主な件数/ });
  await expect(totals.getByRole('row', { name: /新規相談受付件数/ })).toBeVisible();
  await expectAccessible(page, 'statistics');

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Excel（xlsx）で出力' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^統計・実績_令和\d+年度\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await xlsx.path());
  const cells: string[] = [];
  workbook.worksheets[0]?.eachRow((row) => cells.push(String((row.values as unknown[])[1] ?? '')));
  expect(cells).toContain('新規相談受付件数');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PDFで出力' }).click(),
  ]);
  const text = execFileSync('pdftotext', ['-layout', await pdf.path(), '-'], { encoding: 'utf8' });
  expect(text).toContain('統計・実績（令和');
  expect(text).toContain('新規相談受付件数');
});

test('a caseworker’s menu lacks the plan screens, and its home shows its organisation’s work', async ({
  page,
}) => {
  await signIn(page, 'houkatsu');
  const menu = page.getByRole('navigation', { name: 'メインメニュー' });
  await expect(menu.getByRole('link', { name: '事例一覧', exact: true })).toBeVisible();
  for (const name of ['再犯防止推進計画', '取組一覧', '進捗管理', '組織管理']) {
    await expect(menu.getByRole('link', { name, exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole('region', { name: '自機関の状況' })).toBeVisible();
  await expectAccessible(page, 'caseworker home');
});
