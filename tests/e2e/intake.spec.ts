import { formatWareki, toIsoDate } from '../../src/domain/wareki.ts';
import { expect, type Locator, type Page, test } from './fixtures.ts';
import { expectAccessible, signIn, signOut } from './support.ts';

/** A birth date that makes someone `age` today (Asia/Tokyo), `daysBefore` days past their birthday. */
function birthDateForAge(age: number, daysBefore: number): string {
  const today = new Date(`${toIsoDate(new Date())}T12:00:00+09:00`);
  const date = new Date(today);
  date.setUTCFullYear(today.getUTCFullYear() - age);
  date.setUTCDate(date.getUTCDate() - daysBefore);
  return toIsoDate(date);
}

/** Calls the API as the signed-in user of the page (cookie session + CSRF token), for test set-up. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    ...(method === 'GET' ? {} : { data: body ?? {} }),
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}

/** Presses Tab until the target has focus: proof it is reachable from the keyboard. */
async function tabTo(page: Page, target: Locator, maxPresses = 150): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

function nav(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name, exact: true });
}

test('8050: the counter hands a withdrawn son and his mother over; the coordinator accepts it', async ({
  page,
}) => {
  const sonBirth = birthDateForAge(54, 40);
  const motherBirth = birthDateForAge(83, 100);

  await signIn(page, 'houkatsu');
  await nav(page, '相談受付').click();
  await expect(page.getByRole('heading', { level: 1, name: '相談受付' })).toBeVisible();
  await expectAccessible(page, 'new consultation form');

  // Submitting the empty form lists what is missing, each linked to its field.
  await page.getByRole('button', { name: '相談を受け付ける' }).click();
  const summary = page.getByRole('alert').filter({ hasText: '入力内容を確認してください' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /相談経路/ })).toBeVisible();
  await expectAccessible(page, 'new consultation form with errors');

  await page.getByLabel('相談経路').selectOption({ label: '来所' });

  // 本人: the son, a new person; フリガナ typed in hiragana, birth date in 和暦.
  const person = page.getByRole('region', { name: '本人' });
  await person.getByRole('radio', { name: '新しく登録する' }).check();
  await person.getByLabel(/^氏/).fill('山下');
  await person.getByLabel(/^名/).fill('健一');
  await person.getByLabel('フリガナ（氏）').fill('やました');
  await person.getByLabel('フリガナ（名）').fill('けんいち');
  await person.getByLabel('生年月日').fill(formatWareki(sonBirth));
  await expect(person.getByText(/満54歳/)).toBeVisible();
  await person.getByRole('radio', { name: '男性' }).check();
  await person.getByLabel('住所').fill('鹿児島市山下町11-1');
  await person.getByLabel('電話1の番号').fill('099-224-1111');

  // 世帯員: his 83-year-old mother, living with him.
  const household = page.getByRole('region', { name: '世帯員' });
  await household.getByRole('button', { name: '世帯員を追加' }).click();
  const mother = household.getByRole('group', { name: '世帯員1' });
  await mother.getByRole('radio', { name: '新しく登録する' }).check();
  await mother.getByLabel(/^氏/).fill('山下');
  await mother.getByLabel(/^名/).fill('トメ');
  await mother.getByLabel('フリガナ（氏）').fill('ヤマシタ');
  await mother.getByLabel('フリガナ（名）').fill('とめ');
  await mother.getByLabel('生年月日').fill(formatWareki(motherBirth, { style: 'short' }));
  await expect(mother.getByText(/満83歳/)).toBeVisible();
  await mother.getByRole('radio', { name: '女性' }).check();
  await mother.getByLabel('続柄').selectOption({ label: '母' });
  await mother.getByRole('radio', { name: '同居' }).check();

  // 来談者: the mother came.
  const visitor = page.getByRole('region', { name: '来談者' });
  await visitor.getByRole('radio', { name: '本人以外（家族・関係者など）' }).check();
  await visitor.getByLabel('来談者の氏名').fill('山下 トメ');
  await visitor.getByLabel('本人との続柄').selectOption({ label: '母' });

  await page.getByRole('checkbox', { name: 'ひきこもり・不登校' }).check();
  await page.getByRole('checkbox', { name: '介護' }).check();
  await page.getByRole('radio', { name: '◎ ひきこもり・不登校' }).check();
  await page
    .getByRole('textbox', { name: /^相談の内容/ })
    .fill(
      '母（83歳）から。息子（54歳）が20年以上自宅にひきこもっている。母の介護も必要になってきたが、息子は外部との関わりを拒んでいる。',
    );
  await page
    .getByLabel('本人の意向')
    .fill('（母より）息子には自分の亡き後も暮らしていけるようになってほしい。');
  await page.getByRole('radio', { name: '同意あり' }).check();
  await page.getByRole('radio', { name: '重層事業へ引継ぎ' }).check();
  await page
    .getByLabel('自機関で解決が難しい理由')
    .fill('母の介護と息子のひきこもりが重なり、地域包括だけでは対応できない。');
  await page
    .getByLabel('すでに利用・検討した制度やサービス')
    .fill('介護保険（要介護1）、ひきこもり地域支援センターへの電話相談');
  await expectAccessible(page, 'new consultation form, filled in');
  await page.getByRole('button', { name: '相談を受け付ける' }).click();

  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  await expect(page.getByText('相談を受け付け、重層事業へ引継ぎました。')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談受付・申込票【本人同意あり】');
  const members = page.getByRole('table', { name: '本人以外の世帯員' });
  await expect(members.getByRole('row', { name: /山下 トメ/ })).toContainText('母');
  await expect(members.getByRole('row', { name: /山下 トメ/ })).toContainText('同居');
  await expect(members.getByRole('row', { name: /山下 トメ/ })).toContainText('（83歳）');
  await expect(page.getByText(/生（54歳）/)).toBeVisible();
  await expect(page.getByText('受理待ち')).toBeVisible();
  await expectAccessible(page, 'consultation detail');
  await signOut(page);

  // The coordinator sees it among its tasks and in the handover inbox.
  await signIn(page, 'coordinator');
  const tasks = page.getByRole('region', { name: /引継ぎ受付待ち/ });
  await expect(tasks.getByRole('link', { name: /山下 健一さん/ })).toBeVisible();
  await expect(tasks.getByText(/期限：令和/).first()).toBeVisible();
  await expectAccessible(page, 'home with my tasks');
  await nav(page, 'マイタスク').click();
  await expect(page.getByRole('heading', { level: 1, name: 'マイタスク' })).toBeVisible();
  const waiting = page
    .getByRole('region', { name: /引継ぎ受付待ち/ })
    .getByRole('listitem')
    .filter({ hasText: '山下 健一さん' });
  await expect(waiting).toContainText('待機 0日');
  await expect(waiting.getByRole('link', { name: '相談票を見る' })).toBeVisible();
  await expectAccessible(page, 'my tasks');

  await nav(page, '引継ぎ受付').click();
  await expect(page.getByRole('heading', { level: 1, name: '引継ぎ受付' })).toBeVisible();
  const row = page.getByRole('row', { name: /山下 健一/ });
  await expect(row).toContainText('0日');
  await expect(row).toContainText('母の介護と息子のひきこもりが重なり');
  await expect(row).toContainText('介護保険（要介護1）');
  await expectAccessible(page, 'handover inbox');

  await row.getByRole('button', { name: '受理：山下 健一' }).click();
  const dialog = page.getByRole('dialog', { name: '引継ぎを受理しますか' });
  await expect(dialog).toBeVisible();
  const accepted = page.waitForResponse((response) =>
    /\/api\/handovers\/[^/]+\/accept$/.test(response.url()),
  );
  await dialog.getByRole('button', { name: '受理' }).click();
  const { caseNumber } = (await (await accepted).json()) as { caseNumber: string };
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  await expect(page.getByText(caseNumber).first()).toBeVisible();
  await signOut(page);
});

test('a consultation referred to the disability support office is accepted there and closed', async ({
  page,
}) => {
  await signIn(page, 'houkatsu');
  await page.goto('/consultations/new');
  await page.getByLabel('相談経路').selectOption({ label: '電話' });
  const person = page.getByRole('region', { name: '本人' });
  await person.getByRole('radio', { name: '新しく登録する' }).check();
  await person.getByLabel(/^氏/).fill('川辺');
  await person.getByLabel(/^名/).fill('翔太');
  await person.getByLabel('フリガナ（氏）').fill('ｶﾜﾅﾍﾞ');
  await person.getByLabel('フリガナ（名）').fill('しょうた');
  await person.getByLabel('生年月日').fill('平成10年4月2日');
  await expect(person.getByText('西暦 1998年4月2日')).toBeVisible();
  await page.getByRole('checkbox', { name: '仕事探し、就職' }).check();
  await expect(page.getByRole('radio', { name: '◎ 仕事探し、就職' })).toBeChecked();
  await page.getByRole('textbox', { name: /^相談の内容/ }).fill('就労継続支援の利用について相談したい。');
  await page.getByRole('radio', { name: '同意あり' }).check();
  await page.getByRole('radio', { name: '他機関へつなぐ' }).check();
  await page.getByLabel('つなぎ先の機関').selectOption({ label: '障害者相談支援事業所' });
  await page.getByLabel('つなぎ先への申し送り').fill('療育手帳の取得状況を確認してください。');
  await page.getByRole('button', { name: '相談を受け付ける' }).click();
  await expect(page.getByText('相談を受け付け、他機関へつなぎました。')).toBeVisible();
  await expect(page.getByText('つなぎ先：障害者相談支援事業所')).toBeVisible();
  await expect(page.getByText('回答待ち')).toBeVisible();
  await signOut(page);

  await signIn(page, 'shogai');
  await nav(page, 'つなぎ受付').click();
  await expect(page.getByRole('heading', { level: 1, name: 'つなぎ受付' })).toBeVisible();
  const row = page.getByRole('row', { name: /川辺 翔太/ });
  await expect(row).toContainText('地域包括支援センター');
  await expect(row).toContainText('療育手帳の取得状況を確認してください。');
  await expect(row).toContainText('0日');
  await expectAccessible(page, 'referral inbox');
  await row.getByRole('button', { name: '受理：川辺 翔太' }).click();
  await expect(page.getByText('川辺 翔太さんのつなぎを受理しました。')).toBeVisible();
  await page.getByRole('link', { name: '相談票を見る' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談受付・申込票【本人同意あり】');
  await expect(page.getByText('受理', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '対応終了にする' }).click();
  const dialog = page.getByRole('dialog', { name: 'この相談を対応終了にしますか' });
  await dialog.getByLabel('対応終了のメモ').fill('就労継続支援B型の利用につながった。');
  await expectAccessible(page, 'close dialog');
  await dialog.getByRole('button', { name: '対応終了にする' }).click();
  await expect(page.getByText('相談を対応終了にしました。')).toBeVisible();
  await expect(page.getByText('就労継続支援B型の利用につながった。')).toBeVisible();
  await expect(page.getByText('引継ぎはありません。')).toBeVisible();
  await expect(page.getByRole('button', { name: '対応終了にする' })).toHaveCount(0);

  await nav(page, '相談一覧').click();
  const listed = page.getByRole('row', { name: /川辺 翔太/ });
  await expect(listed).toContainText('対応終了');
  await expect(listed).toContainText('つなぎを受けた相談');
  await expectAccessible(page, 'consultation list');
  await signOut(page);
});

test('a handover is returned with reasons; the counter sees them (form completed by keyboard alone)', async ({
  page,
}) => {
  const birthDate = '1950-01-15';
  const someone = {
    familyName: '南',
    givenName: '春子',
    familyNameKana: 'ミナミ',
    givenNameKana: 'ハルコ',
    birthDate,
    sex: 'female',
  };
  const earlier = {
    person: someone,
    channel: 'visit',
    topics: ['income'],
    mainTopic: 'income',
    content: '年金だけでは生活が苦しい。',
    consentToShare: true,
    outcome: { kind: 'ownAgency' },
  };
  // Another counter has the same woman on record: a possible duplicate for the coordinator.
  await signIn(page, 'shogai');
  await api(page, 'POST', '/api/consultations', earlier);
  await signOut(page);
  await signIn(page, 'houkatsu');
  await api(page, 'POST', '/api/consultations', earlier);

  // A new consultation about the person already on record, entered with the keyboard only.
  await page.goto('/consultations/new');
  await expect(page.getByRole('heading', { level: 1, name: '相談受付' })).toBeVisible();
  const channel = page.getByLabel('相談経路');
  await tabTo(page, channel);
  await page.keyboard.press('ArrowDown');
  await expect(channel).not.toHaveValue('');
  const search = page.getByLabel('本人をフリガナで検索');
  await tabTo(page, search);
  await page.keyboard.type('ﾐﾅﾐ');
  const choose = page.getByRole('button', { name: 'この人を選ぶ：南 春子' }).first();
  await expect(choose).toBeVisible();
  await expect(page.getByRole('list', { name: '検索結果' })).toContainText('昭和25年1月15日生');
  await tabTo(page, choose);
  await page.keyboard.press('Enter');
  await expect(page.getByText('本人として選んだ人')).toBeVisible();
  const housing = page.getByRole('checkbox', { name: '住まい' });
  await tabTo(page, housing);
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: '◎ 住まい' })).toBeChecked();
  await tabTo(page, page.getByRole('textbox', { name: /^相談の内容/ }));
  await page.keyboard.type('家賃を滞納し、退去を求められている。');
  await tabTo(page, page.getByRole('radio', { name: '同意あり' }));
  await page.keyboard.press('Space');
  const ownAgency = page.getByRole('radio', { name: '自機関で対応' });
  await tabTo(page, ownAgency);
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: '重層事業へ引継ぎ' })).toBeChecked();
  await tabTo(page, page.getByLabel('自機関で解決が難しい理由'));
  await page.keyboard.type('住まいと収入の課題が重なっている。');
  await tabTo(page, page.getByLabel('すでに利用・検討した制度やサービス'));
  await page.keyboard.type('住居確保給付金（対象外）');
  await tabTo(page, page.getByRole('button', { name: '相談を受け付ける' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('相談を受け付け、重層事業へ引継ぎました。')).toBeVisible();
  await signOut(page);

  // The coordinator checks the possible duplicate, links it, then returns the handover.
  await signIn(page, 'coordinator');
  await nav(page, '引継ぎ受付').click();
  const row = page
    .getByRole('row', { name: /南 春子/ })
    .filter({ hasText: '受理待ち' })
    .first();
  await expect(row.getByText(/重複の可能性 \d+件/)).toBeVisible();
  await row.getByRole('link', { name: /重複の可能性 \d+件/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '南 春子' })).toBeVisible();
  const duplicates = page.getByRole('table', { name: '重複候補の一覧' });
  await expect(duplicates).toContainText('障害者相談支援事業所');
  await expectAccessible(page, 'person with duplicates');
  await duplicates
    .getByRole('button', { name: /同一人物としてリンク/ })
    .first()
    .click();
  await page
    .getByRole('dialog', { name: '同一人物としてリンクしますか' })
    .getByRole('button', { name: '同一人物としてリンク' })
    .click();
  await expect(page.getByText(/同一人物としてリンクしました。/)).toBeVisible();
  await expect(duplicates.getByText('リンク済み').first()).toBeVisible();

  await nav(page, '引継ぎ受付').click();
  const pending = page
    .getByRole('row', { name: /南 春子/ })
    .filter({ hasText: '受理待ち' })
    .first();
  await pending.getByRole('button', { name: '差戻し：南 春子' }).click();
  const dialog = page.getByRole('dialog', { name: '引継ぎを差戻しますか' });
  await dialog.getByRole('button', { name: '差戻し' }).click();
  await expect(dialog.getByText('入力してください')).toBeVisible();
  await expectAccessible(page, 'return dialog with an error');
  await dialog.getByLabel('差戻しの理由').fill('まず自立相談支援機関で家計改善支援を検討してください。');
  await dialog.getByRole('button', { name: '差戻し' }).click();
  await expect(page.getByText('南 春子さんの引継ぎを差戻しました。')).toBeVisible();
  await signOut(page);

  // The counter sees the return and its reason, and may act again.
  await signIn(page, 'houkatsu');
  await nav(page, '引継ぎ受付').click();
  await expect(page.getByRole('heading', { level: 1, name: '引継ぎ状況' })).toBeVisible();
  const sent = page
    .getByRole('row', { name: /南 春子/ })
    .filter({ hasText: '差戻し' })
    .first();
  await expect(sent).toContainText('まず自立相談支援機関で家計改善支援を検討してください。');
  await expectAccessible(page, 'handovers sent');
  await sent.getByRole('link', { name: '南 春子' }).click();
  await expect(
    page.getByText('差戻しの理由', { exact: true }).filter({ visible: true }).first(),
  ).toBeVisible();
  await expect(
    page
      .getByText('まず自立相談支援機関で家計改善支援を検討してください。')
      .filter({ visible: true })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: '重層事業へ引継ぐ' })).toBeVisible();
  await expect(page.getByRole('button', { name: '対応終了にする' })).toBeVisible();

  // 対象者検索 ignores ひらがな / カタカナ.
  await nav(page, '対象者検索').click();
  await page.getByLabel('フリガナ').fill('みなみ　はるこ');
  await page.getByRole('button', { name: '検索する' }).click();
  const results = page.getByRole('table', { name: /検索結果/ });
  await expect(results.getByRole('link', { name: '南 春子' })).toBeVisible();
  await expectAccessible(page, 'person search');
  await results.getByRole('link', { name: '南 春子' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '南 春子' })).toBeVisible();
  await expect(page.getByText('重複候補')).toHaveCount(0);
  await expectAccessible(page, 'person detail');
  await signOut(page);
});
