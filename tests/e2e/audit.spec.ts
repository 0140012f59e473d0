import fs from 'node:fs';
import { expect, type Locator, type Page, test } from './fixtures.ts';
import { expectAccessible, signIn, signOut } from './support.ts';

/**
 * Privacy (issue 4) in the browser: a counter prints a consultation (the print is recorded first),
 * the coordinating section sees on the person page that another organisation looked at the person,
 * and the auditor filters the trail by action and by the person picked by name, reads names instead
 * of ids, downloads it as CSV and exports a 開示請求 PDF.
 */

function nav(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name, exact: true });
}

type Consultation = {
  id: string;
  status: string;
  person: { id: string; familyName: string; givenName: string; familyNameKana: string };
};

test('a print is recorded, the coordinator sees who read the person, the auditor filters and exports', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // 地域包括支援センター opens one of its handed-over consultations and prints it
  await signIn(page, 'houkatsu');
  const list = await page.request.get('/api/consultations?limit=50');
  expect(list.status()).toBe(200);
  const consultations = ((await list.json()) as { items: Consultation[] }).items;
  const consultation = consultations.find((c) => c.status === 'handedOver') ?? consultations[0];
  if (!consultation) throw new Error('the demo data has no consultation for houkatsu');
  const person = consultation.person;

  await page.goto(`/consultations/${consultation.id}`);
  const printButton = page
    .getByRole('button', { name: '印刷する' })
    .or(page.getByRole('button', { name: '印刷' }));
  await expect(printButton.first()).toBeVisible();
  const printed = page.waitForResponse(
    (r) => r.url().endsWith('/api/prints') && r.request().method() === 'POST',
  );
  await printButton.first().click();
  const response = await printed;
  expect(response.status()).toBe(201);
  expect(await response.json()).toMatchObject({ resourceType: 'consultation', resourceId: consultation.id });
  // the person page is a read of the person by 地域包括支援センター
  await page.goto(`/persons/${person.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(person.familyName);
  // a caseworker has no 閲覧履歴 panel
  await expect(page.getByRole('heading', { name: '閲覧履歴' })).toHaveCount(0);
  await signOut(page);

  // the coordinating section sees the look by another organisation on the person page
  await signIn(page, 'coordinator');
  await page.goto(`/persons/${person.id}`);
  const panel = page.getByRole('region', { name: '閲覧履歴', exact: true });
  await expect(panel).toBeVisible();
  const log = panel.getByRole('table', { name: /閲覧履歴/ });
  await expect(
    log
      .getByRole('row')
      .filter({ hasText: '地域包括支援センター' })
      .filter({ hasText: '本人の閲覧' })
      .first(),
  ).toBeVisible();
  await expect(
    log.getByRole('row').filter({ hasText: '地域包括支援センター' }).filter({ hasText: '印刷' }).first(),
  ).toBeVisible();
  await expectAccessible(page, 'person page with its access log');
  await signOut(page);

  // the auditor: 監査ログ filtered by action, then the CSV
  await signIn(page, 'auditor');
  await expect(nav(page, '監査ログ')).toBeVisible();
  await expect(nav(page, '開示請求')).toBeVisible();
  await nav(page, '監査ログ').click();
  await expect(page.getByRole('heading', { level: 1, name: '監査ログ' })).toBeVisible();
  await page.getByRole('checkbox', { name: '印刷', exact: true }).check();
  await page.getByLabel('期間（開始）').fill('R8.1.1');
  // the person is picked by name from the type-ahead, not typed as an id
  const fullName = `${person.familyName} ${person.givenName}`;
  await page.getByRole('combobox', { name: '本人' }).fill(person.familyName);
  await page.getByRole('option', { name: fullName }).first().click();
  await expect(page.getByRole('combobox', { name: '本人' })).toHaveValue(fullName);
  await page.getByRole('button', { name: '表示する' }).click();
  const results = page.getByRole('table', { name: /監査ログ（新しい順）/ });
  const printRow = results.getByRole('row').filter({ hasText: `本人 ${fullName}` });
  await expect(printRow.first()).toBeVisible();
  await expect(printRow.first()).toContainText('地域包括支援センター');
  await expect(printRow.first()).toContainText('相談');
  // times to the second
  await expect(printRow.first().locator('td').first()).toHaveText(/\d{1,2}:\d{2}:\d{2}/);
  // only prints are listed
  const actionCells = await results.locator('tbody tr td:nth-child(4)').allInnerTexts();
  expect(actionCells.length).toBeGreaterThan(0);
  expect(new Set(actionCells)).toEqual(new Set(['印刷']));
  await expectAccessible(page, 'audit trail');

  const downloadEvent = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVをダウンロード（UTF-8）' }).click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toMatch(/^監査ログ_\d{8}\.csv$/);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toContain('時刻（日本時間）,ログインID,利用者,所属,操作,操作コード,対象の種類');
  const printLine = lines.find((line) => line.includes(consultation.id));
  expect(printLine).toContain(',houkatsu,');
  expect(printLine).toContain(',地域包括支援センター,印刷,print,相談,');
  expect(printLine).toContain(`,${fullName},${person.id},`);
  expect(lines.slice(1).every((line) => line.includes(',印刷,print,'))).toBe(true);
  await expect(page.getByText(/を保存しました/)).toBeVisible();

  // 開示請求: find the person by reading, export the PDF
  await nav(page, '開示請求').click();
  await expect(page.getByRole('heading', { level: 1, name: '開示請求の出力' })).toBeVisible();
  await page.getByLabel('フリガナ').fill(person.familyNameKana);
  await page.getByRole('button', { name: '検索する' }).click();
  const candidates = page.getByRole('table', { name: /検索結果/ });
  await candidates
    .getByRole('button', { name: `選ぶ: ${person.familyName} ${person.givenName}` })
    .first()
    .click();
  await page.getByLabel('請求の番号・目的').fill('令和8年開示請求第1号');
  await expectAccessible(page, 'disclosure export');
  const pdfEvent = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDFを出力' }).click();
  const pdf = await pdfEvent;
  expect(pdf.suggestedFilename()).toMatch(/^開示資料_.*\.pdf$/);
  expect(
    fs
      .readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
});

test('the coordinating section disposes of a record past its period; the auditor reads it in 廃棄記録', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // the demo's consultation closed at the 保護第一課 counter seven years ago (5-year default period)
  await signIn(page, 'coordinator');
  await nav(page, '廃棄候補一覧').click();
  await expect(page.getByRole('heading', { level: 1, name: '廃棄候補一覧' })).toBeVisible();
  const consultations = page.getByRole('table', { name: /保存期間を過ぎた相談記録/ });
  const row = consultations.getByRole('row').filter({ hasText: '荒田 昭' });
  await expect(row).toContainText('対応終了後の保存期間（5年）が経過');
  await expect(row).toContainText(/令和\d+年4月1日/);
  await row.getByRole('checkbox', { name: /受付の相談記録を選ぶ/ }).check();
  await page.getByRole('button', { name: '選んだ記録を廃棄する' }).click();
  const dialog = page.getByRole('dialog', { name: '選んだ記録を廃棄しますか' });
  await expect(dialog).toContainText('削除した情報は元に戻せません');
  await expect(dialog).toContainText('事例にならなかった相談記録 1件');
  await expectAccessible(page, 'disposal list with its confirmation');
  await dialog.getByRole('button', { name: '廃棄する' }).click();
  await expect(
    page.getByText('廃棄しました：支援ケース0件・相談記録1件・本人1人。廃棄記録に残しました。'),
  ).toBeVisible();
  await expect(consultations).toContainText('保存期間を過ぎた相談記録はありません。');
  await signOut(page);

  // the auditor: when, by whom, how many — no name — and the CSV
  await signIn(page, 'auditor');
  await nav(page, '廃棄記録').click();
  const record = page
    .getByRole('table', { name: /廃棄記録（新しい順）/ })
    .getByRole('row')
    .nth(1);
  await expect(record).toContainText('重層 調整');
  await expect(record).toContainText('支援ケース0件・相談記録1件・本人1人');
  await expect(record).not.toContainText('荒田');
  const downloadEvent = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVをダウンロード（UTF-8）' }).click();
  const csv = fs.readFileSync(await (await downloadEvent).path(), 'utf8');
  expect(csv).toContain('重層 調整');
  expect(csv).not.toContain('荒田');
});
