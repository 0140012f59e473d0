import { formatWareki, toIsoDate } from '../../src/domain/wareki.ts';
import { expect, type Locator, type Page, test } from './fixtures.ts';
import { expectAccessible, signIn } from './support.ts';

/**
 * Issue #12 in the browser: 参加支援 from an item of the approved plan (a 居場所 found in a 校区,
 * the first day and a follow-up recorded) and アウトリーチ before consent (three attempts on a
 * consultation that has no case yet).
 */

/** A calendar date `days` from today in Japan ('YYYY-MM-DD'). */
function dayFromToday(days: number): string {
  const date = new Date(`${toIsoDate(new Date())}T12:00:00+09:00`);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
}

function nav(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name, exact: true });
}

async function openTab(page: Page, name: string): Promise<Locator> {
  const tab = page.getByRole('tablist', { name: '事例の記録' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  return page.getByRole('tabpanel', { name });
}

test('the coordinator places the person in a 居場所 from a plan item and records the first day and a follow-up', async ({
  page,
}) => {
  await signIn(page, 'coordinator');
  // the demo's 9060 household: the son's plan item is marked 参加支援
  await page.goto('/cases');
  await page.getByLabel('氏名・フリガナ・事例番号など').fill('上町');
  await page.getByRole('button', { name: '検索する' }).click();
  await page.getByRole('row').filter({ hasText: '上町 昭' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('上町 昭');

  const panel = await openTab(page, '参加支援');
  await expect(panel.getByText('この事例の参加支援はまだありません。')).toBeVisible();
  await panel.getByRole('button', { name: '「息子の就労と生活の相談」で参加先を探す' }).click();

  const dialog = page.getByRole('dialog', { name: '参加先を探す' });
  await dialog.getByLabel('種類').selectOption('ibasho');
  await dialog.getByLabel('校区').selectOption('清水校区');
  await dialog.getByRole('button', { name: '検索', exact: true }).click();
  const candidates = dialog.getByRole('table', { name: /参加先の候補/ });
  const komorebi = candidates.getByRole('row').filter({ hasText: 'ひきこもり家族会・居場所「こもれび」' });
  await expect(komorebi).toContainText('同じ校区');
  await expectAccessible(page, 'placement search');
  await komorebi.getByRole('button', { name: /を参加先にする$/ }).click();
  await expect(dialog.getByText('選んだ参加先：ひきこもり家族会・居場所「こもれび」')).toBeVisible();
  await expect(dialog.getByLabel('参加の種類')).toHaveValue('ibasho');
  await dialog.getByLabel('メモ').fill('まずは月1回の家族会の日に見学から。');
  await dialog.getByRole('button', { name: '参加支援を登録する' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText(/への参加支援を登録しました。/)).toBeVisible();

  const card = panel.getByRole('region', {
    name: 'ひきこもり家族会・居場所「こもれび」（かごしま こもれびの会）',
  });
  await expect(card).toContainText('調整中');
  await expect(card).toContainText('息子の就労と生活の相談');

  // the first day
  await card.getByRole('button', { name: /の記録を追加$/ }).click();
  let record = page.getByRole('dialog', { name: '参加支援の記録' });
  await record.getByLabel('記録').selectOption('start');
  await record.getByLabel('メモ').fill('母の付き添いで初めて参加。30分ほど過ごした。');
  await record.getByRole('button', { name: '記録する' }).click();
  await expect(record).toBeHidden();
  await expect(card).toContainText('利用中');

  // a follow-up with the host
  await card.getByRole('button', { name: /の記録を追加$/ }).click();
  record = page.getByRole('dialog', { name: '参加支援の記録' });
  await record.getByLabel('記録').selectOption('followUp');
  await record.getByLabel('フォローアップの相手').selectOption('host');
  await record.getByLabel('メモ').fill('受入先から：2回目も来られた。');
  await record.getByRole('button', { name: '記録する' }).click();
  await expect(record).toBeHidden();
  await expect(panel.getByText(/に「フォローアップ」を記録しました。/)).toBeVisible();

  const events = card.getByRole('table', { name: /の記録/ });
  await expect(events.getByRole('row', { name: /利用開始（初日）/ })).toContainText(
    '母の付き添いで初めて参加',
  );
  await expect(events.getByRole('row', { name: /フォローアップ（受入先）/ })).toContainText(
    '2回目も来られた',
  );
  await expectAccessible(page, 'case participation tab');

  // listed across cases
  await nav(page, '参加支援の一覧').click();
  await expect(page.getByRole('heading', { level: 1, name: '参加支援の一覧' })).toBeVisible();
  const listed = page.getByRole('row').filter({ hasText: '上町 昭' });
  await expect(listed).toContainText('ひきこもり家族会・居場所「こもれび」');
  await expect(listed).toContainText('利用中');
});

test('an outreach worker records three attempts on a consultation before any consent', async ({ page }) => {
  // 障害者相談支援事業所 took 伊敷 大地's consultation; its handover still waits, so there is no case yet
  await signIn(page, 'shogai');
  await nav(page, '相談一覧').click();
  await page
    .getByRole('row', { name: /伊敷 大地/ })
    .getByRole('link', { name: /伊敷 大地/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^相談受付・申込票/ })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('伊敷 大地');

  const outreach = page.getByRole('region', { name: 'アウトリーチ（訪問・連絡の記録）' });
  await expect(outreach.getByText('連絡の試みはまだ記録されていません。')).toBeVisible();
  const attempts = [
    { on: -14, method: 'letter', result: 'letterLeft', relationship: 'none', next: -7 },
    { on: -7, method: 'visit', result: 'noAnswer', relationship: 'none', next: -2 },
    { on: -2, method: 'visit', result: 'talked', relationship: 'known', next: 12 },
  ] as const;
  for (const attempt of attempts) {
    await outreach.getByRole('button', { name: '連絡の試みを記録する' }).click();
    const dialog = page.getByRole('dialog', { name: '連絡の試みを記録' });
    await dialog.getByLabel('実施日').fill(formatWareki(dayFromToday(attempt.on)));
    await dialog.getByLabel('方法').selectOption(attempt.method);
    await dialog.getByLabel('結果').selectOption(attempt.result);
    await dialog.getByLabel('関係づくり').selectOption(attempt.relationship);
    await dialog.getByLabel('次回予定').fill(formatWareki(dayFromToday(attempt.next)));
    if (attempt.result === 'talked') {
      await dialog.getByLabel('メモ').fill('ドア越しに母と話し、本人にも声をかけられた。');
      await expectAccessible(page, 'outreach dialog');
    }
    await dialog.getByRole('button', { name: '記録する' }).click();
    await expect(dialog).toBeHidden();
    await expect(outreach.getByText(/^連絡の試みを記録しました/)).toBeVisible();
  }

  const table = outreach.getByRole('table', { name: /連絡の試み/ });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  const newest = table.locator('tbody tr').first();
  await expect(newest).toContainText('話せた');
  await expect(newest).toContainText('存在を知ってもらえた');
  await expect(newest).toContainText(formatWareki(dayFromToday(12)));
  await expect(newest).not.toContainText('次回予定を過ぎています');
  await expectAccessible(page, 'consultation outreach');
});
