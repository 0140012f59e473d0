import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Encoding from 'encoding-japanese';
import { councilOrganizations } from '../../src/db/seed/demo.ts';
import { expect, type Page, test } from './fixtures.ts';
import { expectAccessible, signIn, signOut } from './support.ts';

/** The seed's 5 challenges, verbatim (seed section 1). */
const seedChallenges = [
  '国・県・民間団体等との連携強化',
  '就労・住居の確保',
  '保健医療・福祉サービスの利用の促進',
  '非行の防止と、学習支援等の実施',
  '民間協力者の活動の促進、広報・啓発活動の推進',
];
const seedProgrammes = [
  '協力雇用主等に対する優遇措置',
  '生活困窮者自立支援事業',
  '社会を明るくする運動への参加',
];
const sections = ['契約課', '保護第一課', '地域福祉課', '重層事業担当', '地域包括支援センター'];

/** A synthetic 資料編 of 47 programmes as Shift_JIS CSV; `badSection` spoils row 13 (file line 14). */
function syntheticCsv(options: { badSection: boolean }): Buffer {
  const rows = Array.from({ length: 47 }, (_, i) => [
    `R${200 + i}`,
    String((i % 5) + 1),
    `（試験）再犯防止関係事業その${i + 1}`,
    `（試験）事業の概要その${i + 1}。就労・住居・福祉の支援を行う。`,
    options.badSection && i === 12 ? '存在しない課' : (sections[i % sections.length] as string),
  ]);
  const header = ['id', '課題番号', '事業名(取組)', '事業の概要', '担当課'];
  const text = `${[header, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
  return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
}

/** Share of non-white pixels of a PNG, decoded by the browser itself. */
async function inkRatio(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(
    async (dataUrl) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) return 0;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i] ?? 255) < 200 || (data[i + 1] ?? 255) < 200 || (data[i + 2] ?? 255) < 200) ink += 1;
      }
      return ink / (data.length / 4);
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
}

test('demo start: public catalogue, the plan with the seed’s 5 challenges and 3 programmes, the council’s 10 organisations', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/public/programmes');
  await expect(page.getByRole('heading', { level: 1, name: '再犯防止推進計画の取組' })).toBeVisible();
  for (const name of seedProgrammes)
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
  await expectAccessible(page, 'public catalogue');

  await signIn(page, 'plan');
  await page.getByRole('navigation').getByRole('link', { name: '再犯防止推進計画' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '再犯防止推進計画' })).toBeVisible();
  await expect(page.getByText('令和4年度～令和8年度')).toBeVisible();
  const challengeHeadings = page.getByRole('heading', { level: 3 });
  await expect(challengeHeadings).toHaveText(seedChallenges.map((title, i) => `(${i + 1}) ${title}`));
  for (const name of seedProgrammes) await expect(page.getByRole('link', { name })).toBeVisible();
  await expectAccessible(page, 'recidivism plan');

  await page.getByRole('navigation').getByRole('link', { name: '連絡会議', exact: true }).click();
  const members = page.getByRole('table', { name: '構成団体' });
  await expect(members.getByRole('rowheader')).toHaveText(councilOrganizations.map((o) => o.name));
  await expect(members.getByRole('rowheader')).toHaveCount(10);
  await expectAccessible(page, 'council');
});

test('plan imports 47 programmes from Shift_JIS CSV, records and locks a year, holds a council meeting and makes its paper; council speaks and is answered', async ({
  page,
}) => {
  test.setTimeout(480_000); // the shared 2-core machine is slow under load
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-e2e-recidivism-'));

  // --- import: a bad row first, then the corrected file ------------------------------------------
  await signIn(page, 'plan');
  await page.getByRole('navigation').getByRole('link', { name: '取組の取込' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '取組の取込' })).toBeVisible();
  await expectAccessible(page, 'import');
  // a template to start from, written from the importer's own columns (content: tests/api/programmes.test.ts)
  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '取組の取込テンプレートをExcel（xlsx）でダウンロード' }).click(),
  ]);
  expect(template.suggestedFilename()).toBe('取組の取込テンプレート.xlsx');
  const fileInput = page.getByLabel('取り込むファイル');
  await fileInput.setInputFiles({
    name: '資料編_取組一覧.csv',
    mimeType: 'text/csv',
    buffer: syntheticCsv({ badSection: true }),
  });
  await page.getByRole('button', { name: '内容を確認する' }).click();
  const errors = page.getByRole('table', { name: '取り込めない行' });
  await expect(errors.getByRole('row')).toHaveCount(2); // header + the one bad row
  await expect(errors.getByRole('rowheader')).toHaveText(['14']);
  await expect(errors).toContainText('14行目: 担当課「存在しない課」が見つかりません');
  await expect(page.getByText('文字コード Shift_JIS・47行')).toBeVisible();
  await expect(page.getByRole('button', { name: '取り込む', exact: true })).toHaveCount(0);
  await expectAccessible(page, 'import dry run with an error');

  await fileInput.setInputFiles({
    name: '資料編_取組一覧_修正.csv',
    mimeType: 'text/csv',
    buffer: syntheticCsv({ badSection: false }),
  });
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await expect(page.getByText('誤りはありません。「取り込む」で登録します。')).toBeVisible();
  await expect(page.getByText('新規登録 47件')).toBeVisible();
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByText('47件の取組を取り込みました（新規 47件・更新 0件）。')).toBeVisible();

  // the catalogue now holds 50; the plan lists the new ones under their challenges
  await page.getByRole('navigation').getByRole('link', { name: '取組一覧' }).click();
  await expect(page.getByRole('table', { name: /取組一覧/ })).toContainText('全50件');
  await page.getByLabel('担当課').selectOption({ label: '契約課' });
  await expect(page.getByRole('table', { name: /取組一覧/ })).toContainText('全11件');
  await expectAccessible(page, 'programme catalogue');
  await page.getByRole('link', { name: '（試験）再犯防止関係事業その1', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '（試験）再犯防止関係事業その1' })).toBeVisible();
  await expect(page.getByText('(1) 国・県・民間団体等との連携強化')).toBeVisible();
  await expectAccessible(page, 'programme detail');
  await page.getByRole('link', { name: '編集' }).click();
  await expect(page.getByLabel('事業名（取組）')).toHaveValue('（試験）再犯防止関係事業その1');
  await expectAccessible(page, 'programme edit');

  // --- progress of 令和6年度, then the year locked ----------------------------------------------
  await page.getByRole('navigation').getByRole('link', { name: '進捗管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '進捗管理' })).toBeVisible();
  await page.getByLabel('年度', { exact: true }).selectOption({ label: '令和6年度〔2024年度〕' });
  const progress = page.getByRole('table', { name: '令和6年度〔2024年度〕の取組の進捗' });
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: '社会を明るくする運動への参加の進捗を入力' }).click();
  const dialog = page.getByRole('dialog', { name: /社会を明るくする運動への参加/ });
  await dialog
    .getByLabel('実施状況', { exact: true })
    .fill('7月の強調月間に街頭啓発と作文コンテストを実施した。');
  await dialog.getByLabel('実績値', { exact: true }).fill('1250');
  await dialog.getByLabel('単位', { exact: true }).fill('人');
  await dialog.getByLabel('評価', { exact: true }).selectOption('A');
  await dialog.getByLabel('課題・今後の方向性', { exact: true }).fill('若年層への周知を強める。');
  await expectAccessible(page, 'progress dialog');
  await dialog.getByRole('button', { name: '保存する', exact: true }).click();
  await expect(page.getByText('社会を明るくする運動への参加の進捗を保存しました。')).toBeVisible();
  await expect(progress.getByRole('row', { name: /社会を明るくする運動への参加/ })).toContainText('1,250人');
  await expectAccessible(page, 'progress');

  await page.getByRole('button', { name: '年度を確定' }).click();
  const confirm = page.getByRole('dialog', { name: '令和6年度〔2024年度〕を確定しますか' });
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape'); // the keyboard cancels it
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: '年度を確定' }).click();
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '確定する' }).click();
  await expect(page.getByText('令和6年度〔2024年度〕は確定済みです')).toBeVisible();
  await expect(page.getByText(/確定者：計画 担当（地域福祉課）/)).toBeVisible();
  await expect(page.getByRole('button', { name: /の進捗を入力$/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '確定を解除' })).toBeVisible();
  await expectAccessible(page, 'locked year');

  // --- a council meeting, a material, the paper -----------------------------------------------
  await page.getByRole('navigation').getByRole('link', { name: '連絡会議', exact: true }).click();
  await page.getByRole('link', { name: '会議を登録' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '会議の登録' })).toBeVisible();
  const heldAt = page.getByRole('group', { name: /^開催日時/ });
  await heldAt.getByLabel(/^日付/).fill('令和7年2月20日');
  await heldAt.getByLabel(/^時刻/).fill('14:00');
  await page.getByLabel(/^場所/).fill('鹿児島市役所 本館 会議室');
  await page.getByLabel('公開', { exact: true }).check();
  await page.getByLabel('傍聴者数', { exact: true }).fill('2');
  await page.getByLabel('鹿児島保護観察所が出席').check();
  await page.getByLabel('鹿児島保護区保護司会が出席').check();
  await page.getByLabel('鹿児島保護区保護司会の出席者氏名').fill('谷山 四郎');
  await page.getByLabel('鹿児島保護区保護司会は代理出席').check();
  await page.getByLabel('議題', { exact: true }).fill('1 計画の進捗状況について\n2 各団体の取組について');
  await page
    .getByLabel('議事録', { exact: true })
    .fill('（試験）令和6年度の進捗を説明し、意見交換を行った。');
  await expectAccessible(page, 'council meeting form');
  await page.getByRole('button', { name: '登録する', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^連絡会議（令和7年2月20日/ })).toBeVisible();
  const attendees = page.getByRole('table', { name: '出席者' });
  await expect(attendees.getByRole('row', { name: /鹿児島保護区保護司会/ })).toContainText('代理出席');

  await page.getByLabel('添付するファイル').setInputFiles({
    name: '資料1_次第.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('再犯防止推進連絡会議 次第\n1 開会\n2 議事\n'),
  });
  await page.getByRole('button', { name: '添付する', exact: true }).click();
  await expect(page.getByRole('link', { name: '資料1_次第.txt' })).toBeVisible();

  await page.getByLabel('資料の年度').selectOption({ label: '令和6年度〔2024年度〕' });
  await page.getByRole('button', { name: '資料を作成', exact: true }).click();
  await expect(page.getByText('令和6年度の進捗は確定済みです。')).toBeVisible();
  await expect(page.getByRole('table', { name: /^課題\(5\)/ })).toContainText('1250人');
  await expectAccessible(page, 'council meeting with paper');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: '会議資料（令和6年度）をPDFでダウンロード' }).click();
  const download = await downloadPromise;
  const pdfPath = path.join(workDir, 'paper.pdf');
  await download.saveAs(pdfPath);
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('社会を明るくする運動への参加');
  expect(text).toContain('（試験）再犯防止関係事業その'); // wrapped in its cell
  expect(text).toContain('課題(1) 国・県・民間団体等との連携強化');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdfPath,
    path.join(workDir, 'page1'),
  ]);
  const png = fs.readFileSync(path.join(workDir, 'page1.png'));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const ink = await inkRatio(page, png);
  expect(ink).toBeGreaterThan(0.005); // text and rules, not a blank page
  expect(ink).toBeLessThan(0.6);
  await signOut(page);

  // --- the council member speaks for its own organisation ------------------------------------
  await signIn(page, 'council');
  await expect(page.getByRole('navigation').getByRole('link', { name: '取組の取込' })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: '連絡会議の意見' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '連絡会議の意見と回答' })).toBeVisible();
  await expect(
    page.getByText('鹿児島保護区保護司会としての意見を記録します。', { exact: false }),
  ).toBeVisible();
  await page
    .getByLabel('意見の内容')
    .fill('協力雇用主の開拓について、保護司会としても情報提供に協力したい。');
  await page.getByLabel('関係する課題（任意）').selectOption({ label: '(2) 就労・住居の確保' });
  await page.getByLabel('関係する取組（任意）').selectOption({ label: '協力雇用主等に対する優遇措置' });
  await expectAccessible(page, 'opinion form');
  await page.getByRole('button', { name: '意見を記録する', exact: true }).click();
  await expect(page.getByText('意見を記録しました。')).toBeVisible();
  const mine = page.getByRole('article', { name: /^鹿児島保護区保護司会/ });
  await expect(mine).toContainText('対応状況：未対応');
  await expect(mine).toContainText('未回答');
  await signOut(page);

  // --- the plan officer answers ------------------------------------------------------------------
  await signIn(page, 'plan');
  await page.getByRole('navigation').getByRole('link', { name: '連絡会議の意見' }).click();
  await page.getByRole('button', { name: '鹿児島保護区保護司会の意見に回答する' }).click();
  const answer = page.getByRole('dialog', { name: '意見への回答' });
  await answer.getByLabel(/^回答/).fill('契約課と連携し、協力雇用主への優遇措置の周知を進めます。');
  await answer.getByLabel(/^対応状況/).selectOption({ label: '対応中' });
  await expectAccessible(page, 'answer dialog');
  await answer.getByRole('button', { name: '回答を記録する', exact: true }).click();
  await expect(page.getByText('回答を記録しました。')).toBeVisible();
  await expectAccessible(page, 'opinions');
  await signOut(page);

  // --- and the council member sees the answer ---------------------------------------------------
  await signIn(page, 'council');
  await page.getByRole('navigation').getByRole('link', { name: '連絡会議の意見' }).click();
  const answered = page.getByRole('article', { name: /^鹿児島保護区保護司会/ });
  await expect(answered).toContainText('契約課と連携し、協力雇用主への優遇措置の周知を進めます。');
  await expect(answered).toContainText('対応状況：対応中');
  await expect(answered).toContainText('回答者：計画 担当');
  await expect(page.getByRole('button', { name: /に回答する$/ })).toHaveCount(0);

  fs.rmSync(workDir, { recursive: true, force: true });
  console.log(`recidivism scenario: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
