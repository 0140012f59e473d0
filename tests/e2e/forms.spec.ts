import { readFileSync } from 'node:fs';
import { formatWareki, toIsoDate } from '../../src/domain/wareki.ts';
import { expect, type Locator, type Page, test } from './fixtures.ts';
import { expectAccessible, signIn, signOut } from './support.ts';

/**
 * Issue 11 in the browser: the coordinator opens the demo 8050 case, sees its genogram and ecomap
 * (drawn by the server) and prints the プランシート; printing the 支援プラン tab keeps every column
 * on the page; a caseworker writes a progress note dated last week and finds it in the timeline at
 * that date, below the newer entries; the easy-read plan shows ふりがな. Every screen axe-clean.
 */

function tab(page: Page, name: string): Locator {
  return page.getByRole('tablist', { name: '事例の記録' }).getByRole('tab', { name, exact: true });
}

async function openTab(page: Page, name: string): Promise<Locator> {
  await tab(page, name).click();
  await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
  return page.getByRole('tabpanel', { name });
}

async function open8050(page: Page): Promise<void> {
  await page.goto('/cases');
  await page.getByRole('row').filter({ hasText: '城山 和夫' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('城山 和夫');
}

/** Whether an <img> has loaded a picture (a broken image has no natural width). */
async function loaded(image: Locator): Promise<boolean> {
  await expect(image).toBeVisible();
  return image.evaluate(async (element) => {
    const img = element as HTMLImageElement;
    if (!img.complete) await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
    return img.naturalWidth > 100;
  });
}

function lastWeek(): string {
  const date = new Date(`${toIsoDate(new Date())}T12:00:00+09:00`);
  date.setUTCDate(date.getUTCDate() - 7);
  return toIsoDate(date);
}

test('the coordinator sees the 8050 household drawn, prints the plan sheet and the plan tab whole', async ({
  page,
}) => {
  await signIn(page, 'coordinator');
  await open8050(page);

  const assessment = await openTab(page, '課題整理');
  const household = assessment.getByRole('region', { name: '世帯（ジェノグラム・エコマップ）' });
  const genogram = household.getByRole('img', { name: /ジェノグラム/ });
  const ecomap = household.getByRole('img', { name: /エコマップ/ });
  expect(await loaded(genogram)).toBe(true);
  expect(await loaded(ecomap)).toBe(true);
  // the same facts as tables: the father who died, and the 民生委員 around the household
  const members = household.getByRole('table', { name: '世帯員' });
  await expect(members.getByRole('row').filter({ hasText: '城山 源一' })).toContainText('平成21年2月14日');
  await expect(household.getByRole('table', { name: '関係先（エコマップ）' })).toContainText(
    '民生委員（上村）',
  );
  await expect(household.getByRole('button', { name: '世帯を編集する' })).toBeVisible();
  // the SVG the page shows is the genogram the server drew: the person double-lined, the father crossed out
  const svg = await page.evaluate(
    async (src) => (await fetch(src)).text(),
    (await genogram.getAttribute('src')) ?? '',
  );
  expect(svg).toMatch(/data-shape="square" data-supported="true"/);
  expect(svg).toContain('data-mark="deceased"');
  await expectAccessible(page, '課題整理（世帯）');

  // プランシート (PDF): downloaded from the 帳票 section; the server records it as a print
  const forms = page.getByRole('region', { name: '帳票（PDF）' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    forms.getByRole('button', { name: 'プランシート（プラン兼利用申込書）' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^プランシート.*\.pdf$/);
  const pdf = readFileSync((await download.path()) ?? '');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await expectAccessible(page, '事例（帳票）');

  // Printing the 支援プラン tab: on A4 width every column, 期間 and 参加支援 included, stays on the page.
  const plans = await openTab(page, '支援プラン');
  await expect(plans.getByRole('columnheader', { name: '期間' }).first()).toBeVisible();
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  for (const name of ['期間', '参加支援・アウトリーチ']) {
    const box = await plans.getByRole('columnheader', { name, exact: true }).first().boundingBox();
    expect(box, name).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0), `${name} within the page`).toBeLessThanOrEqual(794);
  }
  // nothing scrolls out of sight on paper: the table's region is as wide as what it holds
  const region = plans.getByRole('region', { name: /支援内容/ }).first();
  const hidden = await region.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(hidden).toBeLessThanOrEqual(1);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });

  // the plan as the person reads it: ふりがな over 支援
  await page.goto(page.url().replace(/\/cases\/([^/?]+).*/, '/cases/$1/easy-read'));
  await expect(page.getByRole('heading', { level: 1, name: 'わかりやすい支援プラン' })).toBeVisible();
  const preview = page.getByRole('article', { name: 'プレビュー' });
  await expect(preview.locator('ruby', { hasText: '支援' }).first()).toContainText('しえん');
  await expectAccessible(page, 'わかりやすい支援プラン');
  await signOut(page);
});

test('a caseworker writes a progress note dated last week and finds it at that date in the timeline', async ({
  page,
}) => {
  await signIn(page, 'houkatsu');
  await open8050(page);
  const timeline = await openTab(page, '経過');
  const form = timeline.getByRole('region', { name: '支援経過を記録する' });
  await form.getByLabel('日付').fill(lastWeek());
  await form.getByLabel('時刻').fill('10:15');
  await form.getByLabel('種別').selectOption({ label: '訪問' });
  await form.getByLabel('相手').fill('本人・母');
  await form.getByLabel('内容').fill('先週の訪問：母の腰痛が和らぎ、本人と玄関先で話せた。');
  await form.getByRole('button', { name: '記録する' }).click();
  await expect(form.getByText('支援経過を記録しました。')).toBeVisible();

  const list = timeline.getByRole('list', { name: '支援経過' });
  const entry = list.getByRole('listitem').filter({ hasText: '先週の訪問' });
  await expect(entry).toContainText(formatWareki(lastWeek()));
  await expect(entry).toContainText('10:15');
  await expect(entry).toContainText(/記録 /);
  // ordered by when it happened: after (below) the newer demo note of 3 days ago, before (above) the older one of 9 days ago
  const texts = await list.getByRole('listitem').allTextContents();
  const at = (needle: string) => texts.findIndex((text) => text.includes(needle));
  expect(at('先週の訪問')).toBeGreaterThan(at('通所先の候補を打ち合わせた'));
  expect(at('先週の訪問')).toBeLessThan(at('本人と居間で10分ほど話せた'));
  await expectAccessible(page, '経過（支援経過の記録）');
  await signOut(page);
});
