import { expect, type Locator, type Page, test } from './fixtures.ts';
import { expectAccessible, signIn, signOut } from './support.ts';

/**
 * Consent withdrawal and 要配慮個人情報 in the browser, on the demo cases: the coordinator withdraws
 * a consent and the case says who lost access; an offence fact is recorded and revealed with a
 * reason; an organisation the fact is not granted to does not see it.
 */

function tab(page: Page, name: string): Locator {
  return page.getByRole('tablist', { name: '事例の記録' }).getByRole('tab', { name, exact: true });
}

async function openTab(page: Page, name: string): Promise<Locator> {
  await tab(page, name).click();
  await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
  return page.getByRole('tabpanel', { name });
}

/** Presses Tab until the target has focus: proof it is reachable from the keyboard. */
async function tabTo(page: Page, target: Locator, maxPresses = 10): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/** Open the demo case of the person with this name (フリガナ search) from the case list. */
async function openCaseOf(page: Page, kana: string, name: string): Promise<void> {
  await page.goto('/cases');
  await page.getByLabel('氏名・フリガナ・事例番号など').fill(kana);
  await page.getByRole('button', { name: '検索する' }).click();
  const row = page.getByRole('row').filter({ hasText: name }).first();
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

// Several sign-ins, axe runs and demo data on a shared two-core machine.
test.setTimeout(180_000);

test('the coordinator withdraws a consent from the keyboard; the case shows who lost access', async ({
  page,
}) => {
  await signIn(page, 'coordinator');
  await openCaseOf(page, 'しろやま', '城山 和夫');
  const consents = await openTab(page, '同意');
  const withdraw = consents.getByRole('button', { name: /撤回を記録/ }).first();
  await withdraw.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '同意の撤回を記録する' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('撤回は直ちに効力を持ちます');
  await expectAccessible(page, 'withdraw dialog');
  // the reason is required: submitting empty names the field
  await dialog.getByRole('button', { name: '撤回を記録する' }).click();
  await expect(dialog.getByText('撤回の理由を入力してください')).toBeVisible();
  await dialog.getByLabel('撤回の理由').fill('本人から電話で、情報共有をやめてほしいと申出があった。');
  await dialog.getByLabel('撤回の理由').focus();
  await tabTo(page, dialog.getByRole('button', { name: '撤回を記録する' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(consents.getByText('同意の撤回を記録しました。')).toBeVisible();
  await expect(consents.getByText('撤回', { exact: true }).first()).toBeVisible();
  await expect(consents).toContainText('本人から電話で、情報共有をやめてほしいと申出があった。');
  await expectAccessible(page, 'consents with a withdrawal');

  const overview = await openTab(page, '概要');
  const notice = overview.getByText('城山 和夫さんの同意が撤回されました');
  await expect(notice).toBeVisible();
  await expect(overview).toContainText(
    /次の機関はこの事例を閲覧できなくなりました：|閲覧できなくなった機関はありません/,
  );
  await expectAccessible(page, 'overview with the withdrawal notice');
  await signOut(page);
});

test('an offence fact is recorded and revealed with a reason; an organisation without the grant does not see it', async ({
  page,
}) => {
  // the coordinating section was granted the demo fact (満期釈放) by 鹿児島保護観察所
  await signIn(page, 'coordinator');
  await openCaseOf(page, 'てんもんかん', '天文館 正');
  let panel = await openTab(page, '要配慮情報');
  await expect(panel.getByRole('row', { name: /犯罪歴等（満期釈放）/ })).toBeVisible();
  await expect(panel).toContainText('犯罪をした者等（事例の印）');
  await expect(panel).not.toContainText('窃盗');
  await expectAccessible(page, 'sensitive facts panel');

  // record a further offence fact on the case
  await panel.getByLabel('種別').selectOption({ label: '犯罪歴等' });
  await panel.getByLabel('区分').selectOption({ label: '起訴猶予' });
  await panel.getByLabel('概要').fill('（試験）過去に起訴猶予となった件');
  await panel.getByLabel('詳細').fill('（試験）詳細の記録');
  await panel.getByRole('button', { name: '記録する' }).click();
  await expect(panel.getByText('要配慮個人情報を記録しました。')).toBeVisible();
  const recorded = panel.getByRole('row', { name: /犯罪歴等（起訴猶予）/ });
  await expect(recorded).toBeVisible();
  await expect(panel).not.toContainText('過去に起訴猶予となった件');

  // reveal it: a reason is asked, then the content is shown
  await recorded.getByRole('button', { name: /内容を表示/ }).click();
  const dialog = page.getByRole('dialog', { name: '要配慮個人情報の内容を表示する' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'reveal dialog');
  await dialog.getByRole('button', { name: '表示する' }).click();
  await expect(dialog.getByText('内容を表示する理由を入力してください')).toBeVisible();
  await dialog.getByLabel('表示する理由').fill('支援プランの見直しのため');
  await dialog.getByRole('button', { name: '表示する' }).click();
  await expect(dialog).toBeHidden();
  const content = panel.getByRole('region', { name: /表示中の内容/ });
  await expect(content).toContainText('（試験）過去に起訴猶予となった件');
  await expect(content).toContainText('（試験）詳細の記録');
  await expectAccessible(page, 'revealed content');
  await signOut(page);

  // 保護第一課 holds a plan item in the case but is granted nothing
  await signIn(page, 'hogo');
  await openCaseOf(page, 'てんもんかん', '天文館 正');
  panel = await openTab(page, '要配慮情報');
  await expect(panel.getByText('自機関に共有されている要配慮個人情報はありません。')).toBeVisible();
  await expect(panel).not.toContainText('満期釈放');
  await expect(panel).not.toContainText('起訴猶予');
  await signOut(page);

  // 鹿児島保護観察所 recorded the demo fact: it sees that one, not the coordinator's new one
  await signIn(page, 'hogokansatsu');
  await openCaseOf(page, 'てんもんかん', '天文館 正');
  panel = await openTab(page, '要配慮情報');
  await expect(panel.getByRole('row', { name: /犯罪歴等（満期釈放）/ })).toBeVisible();
  await expect(panel.getByRole('row', { name: /起訴猶予/ })).toHaveCount(0);
});
