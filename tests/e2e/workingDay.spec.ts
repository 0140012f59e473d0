import * as clock from '../../src/domain/clock.ts';
import { addCalendarDays, dueDateOf } from '../../src/domain/dueDates.ts';
import { formatWareki } from '../../src/domain/wareki.ts';
import { expect, type Locator, type Page, test } from './fixtures.ts';
import { expectAccessible, openShiroyamaCase, signIn } from './support.ts';

/**
 * A working day's flow through the screens: one due-date rule shown alike on マイタスク, 事例一覧 and
 * the case header, and after 受理 a confirmation with the next steps, each a link to where it is done.
 */

test.setTimeout(300_000);

/** The next Saturday after today (a week on if today is Saturday). */
function nextSaturday(): string {
  const today = clock.today();
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addCalendarDays(today, ((6 - weekday + 7) % 7) + (weekday === 6 ? 7 : 0));
}

async function openTab(page: Page, name: string): Promise<Locator> {
  await page.getByRole('tablist', { name: '事例の記録' }).getByRole('tab', { name, exact: true }).click();
  return page.getByRole('tabpanel', { name });
}

test('a monitoring date on a Saturday is due the Friday before, shown the same in マイタスク, 事例一覧 and the case header', async ({
  page,
}) => {
  const saturday = nextSaturday();
  const due = dueDateOf(saturday);
  expect(due.dueOn < saturday).toBe(true);
  // The effective date, and the nominal one beside it because they differ.
  const effective = formatWareki(due.dueOn, { withWeekday: true });
  const nominal = `〔本来は${formatWareki(saturday, { withWeekday: true })}・閉庁日のため前倒し〕`;

  await signIn(page, 'coordinator');
  await openShiroyamaCase(page);
  const summary = page.getByRole('region', { name: '事例の概要' });
  await expect(summary).toContainText('支援中');

  // The coordinator monitors the case and decides to continue, next time on a Saturday.
  const panel = await openTab(page, 'モニタリング');
  await expect(panel.getByRole('button', { name: 'モニタリングを記録する' })).toBeVisible();
  const items = panel.getByRole('group', { name: /^\d+\. / });
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await items.nth(i).getByRole('radio', { name: '一部達成' }).check();
  }
  await panel.getByRole('radio', { name: '継続' }).check();
  await panel.getByLabel('次回モニタリング日').fill(formatWareki(saturday));
  await panel.getByRole('button', { name: 'モニタリングを記録する' }).click();
  await expect(panel.getByText('モニタリングを記録しました（判断：継続）。')).toBeVisible();

  // The case header
  await expect(summary).toContainText(effective);
  await expect(summary).toContainText(nominal);

  // 事例一覧
  await page.goto('/cases');
  const row = page.getByRole('row', { name: /城山 和夫/ });
  await expect(row).toContainText(effective);
  await expect(row).toContainText(nominal);

  // マイタスク: monitoring shows from five business days before it is due
  await page.goto('/tasks');
  const task = page
    .getByRole('region', { name: /モニタリング期限/ })
    .getByRole('listitem')
    .filter({ hasText: '城山 和夫' });
  await expect(task).toContainText(`期限：${effective}`);
  await expect(task).toContainText(nominal);
  await expectAccessible(page, 'my tasks with a moved due date');
});

test('accepting a handover confirms it and offers the next steps; 「担当職員を設定」 opens the assignment', async ({
  page,
}) => {
  await signIn(page, 'coordinator');
  await page.goto('/handovers');
  const row = page.getByRole('row', { name: /伊敷 大地/ });
  await row.getByRole('button', { name: '受理：伊敷 大地' }).click();
  const dialog = page.getByRole('dialog', { name: '引継ぎを受理しますか' });
  const accepted = page.waitForResponse((response) =>
    /\/api\/handovers\/[^/]+\/accept$/.test(response.url()),
  );
  await dialog.getByRole('button', { name: '受理' }).click();
  const { caseNumber } = (await (await accepted).json()) as { caseNumber: string };
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);

  const confirmation = page
    .getByRole('status')
    .filter({ hasText: `引継ぎを受理し、事例 ${caseNumber} を作成しました。` });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText('次にすること');
  for (const step of ['担当職員を設定', '課題整理を始める', '会議を計画する']) {
    await expect(confirmation.getByRole('link', { name: step })).toBeVisible();
  }
  await expectAccessible(page, 'the new case with its next steps');

  await confirmation.getByRole('link', { name: '担当職員を設定' }).click();
  const choice = page.getByLabel('担当職員を選ぶ');
  await expect(choice).toBeFocused();
  await choice.selectOption({ index: 1 });
  await page.getByRole('button', { name: '担当職員を保存する' }).click();
  await expect(page.getByText('担当職員を保存しました。')).toBeVisible();
  // Once set, it is no longer offered; starting the 課題整理 still is, and leads to its tab.
  await page.reload();
  const nextSteps = page.getByRole('region', { name: '次にすること' });
  await expect(nextSteps.getByRole('link', { name: '担当職員を設定' })).toHaveCount(0);
  await nextSteps.getByRole('link', { name: '課題整理を始める' }).click();
  await expect(
    page.getByRole('tablist', { name: '事例の記録' }).getByRole('tab', { name: '課題整理', exact: true }),
  ).toHaveAttribute('aria-selected', 'true');
});

test('creation forms are folded behind their button once the list has entries', async ({ page }) => {
  await signIn(page, 'coordinator');
  await openShiroyamaCase(page);
  const consents = await openTab(page, '同意');
  await expect(consents.getByRole('region', { name: '同意を記録する' })).toHaveCount(0);
  const reveal = consents.getByRole('button', { name: '同意を追加する' });
  await expect(reveal).toHaveAttribute('aria-expanded', 'false');
  await reveal.click();
  await expect(reveal).toHaveAttribute('aria-expanded', 'true');
  await expect(consents.getByRole('region', { name: '同意を記録する' })).toBeVisible();
  await expectAccessible(page, 'consent form opened');
});
