import { expect, type Page, test } from './fixtures.ts';
import { expectAccessible, openShiroyamaCase, signIn } from './support.ts';

/**
 * Screens for a working day at the desk and on a tablet or phone on a home visit: at 390 × 844
 * (phone), 768 × 1024 (tablet) and 1440 × 900 (desk) every main screen of each demo role fits the
 * width (the page never scrolls sideways), the menu folds behind a button below 1024 px, and the
 * main screens are axe-clean at the narrow widths. A screenshot of each screen at each width is
 * attached to the test as an artefact.
 */

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desk', width: 1440, height: 900 },
] as const;

const caseTabs = [
  '概要',
  '課題整理',
  '同意',
  '要配慮情報',
  '会議',
  '支援プラン',
  '支援報告',
  'モニタリング',
  '経過',
] as const;

type Screen = {
  path: string;
  /** The main screens are also checked with axe at the narrow widths. */
  axe?: boolean;
};

const screensByRole: Record<string, readonly Screen[]> = {
  coordinator: [
    { path: '/', axe: true },
    { path: '/tasks', axe: true },
    { path: '/consultations/new', axe: true },
    { path: '/consultations' },
    { path: '/handovers' },
    { path: '/persons' },
    { path: '/cases', axe: true },
    { path: '/plan-items' },
  ],
  houkatsu: [
    { path: '/' },
    { path: '/tasks' },
    { path: '/consultations' },
    { path: '/referrals' },
    { path: '/cases' },
    { path: '/plan-items' },
  ],
  plan: [
    { path: '/recidivism-plan', axe: true },
    { path: '/programmes' },
    { path: '/programmes/import' },
    { path: '/programme-progress' },
    { path: '/council' },
    { path: '/council/opinions' },
  ],
  council: [{ path: '/council' }, { path: '/council/opinions' }],
  auditor: [{ path: '/audit', axe: true }, { path: '/audit/disclosure' }],
  admin: [
    { path: '/admin/organizations' },
    { path: '/admin/users' },
    { path: '/admin/reshuffle' },
    { path: '/account/sessions' },
  ],
};

/** Width of the page's content beyond the viewport; 0 when nothing makes the page scroll sideways. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function expectFits(page: Page, label: string): Promise<void> {
  expect(await sidewaysOverflow(page), `${label}: the page scrolls sideways`).toBeLessThanOrEqual(0);
}

/**
 * Kept as a file under the run's output folder (.kasane-test/playwright) and attached to the report:
 * what the viewport shows, which is cheaper to capture than the full page (the sideways check above
 * covers the whole page).
 */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  const file = test.info().outputPath(`${name.replace(/[^\p{L}\p{N}-]+/gu, '-')}.png`);
  await page.screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

// Every test signs in on its own and only reads: the file's tests are spread over the workers, and the
// longest (a case's tabs) is declared first so that it does not start last.
test.describe.configure({ mode: 'parallel' });

const menuButton = (page: Page) => page.getByRole('button', { name: /^メニュー/ });
const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });

/** Below 1024 px the menu is folded behind its button; from 1024 px it is always shown, with no button. */
async function expectMenuFolded(page: Page, width: number): Promise<void> {
  if (width < 1024) {
    await expect(menuButton(page)).toBeVisible();
    await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(mainMenu(page)).toBeHidden();
  } else {
    await expect(menuButton(page)).toBeHidden();
    await expect(mainMenu(page)).toBeVisible();
  }
}

test("a case's tabs fit the phone and the tablet, and its tables read as cards on the phone", async ({
  page,
}) => {
  test.setTimeout(600_000);
  await signIn(page, 'coordinator');
  await openShiroyamaCase(page);
  const casePath = new URL(page.url()).pathname;
  // one page load for all the tabs: the layout is CSS alone, so a tab chosen after a resize lays out
  // as one loaded at that width
  const tablist = page.getByRole('tablist', { name: '事例の記録' });
  for (const name of caseTabs) {
    await page.setViewportSize({ width: viewports[0].width, height: viewports[0].height });
    await tablist.getByRole('tab', { name, exact: true }).click();
    const panel = page.getByRole('tabpanel', { name });
    await expect(panel).toBeVisible();
    await expect(page.getByText('読み込み中です')).toHaveCount(0);
    for (const viewport of viewports.slice(0, 2)) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await expect(panel).toBeVisible();
      const label = `case ${name} at ${viewport.width} px`;
      await expectFits(page, label);
      await expectAccessible(page, label);
      await keepScreenshot(page, `case-${name}-${viewport.width}`);
    }
  }

  // On the phone the household table is a stack of cards: each cell is labelled with its column.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(casePath);
  const household = page.getByRole('table', { name: '世帯員' });
  const firstRow = household.getByRole('row').nth(1);
  await expect(firstRow.getByRole('cell').first()).toHaveAttribute('data-label', '続柄');
  const rowBox = await firstRow.boundingBox();
  const tableBox = await household.boundingBox();
  expect(rowBox?.width ?? 0).toBeLessThanOrEqual(tableBox?.width ?? 0);
});

// Each screen is loaded once, at the phone width, and then resized to the tablet and the desk: the
// layout is CSS alone (media queries; no script reads the window's width), so a resized page lays out
// as one loaded at that width, and a third of the page loads are saved.
for (const [role, screens] of Object.entries(screensByRole)) {
  test(`${role}: every main screen fits 390, 768 and 1440 px with the menu behind a button when narrow`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    await signIn(page, role);
    for (const screen of screens) {
      const [first] = viewports;
      await page.setViewportSize({ width: first.width, height: first.height });
      await page.goto(screen.path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText('読み込み中です')).toHaveCount(0);
      for (const viewport of viewports) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        const label = `${role} ${screen.path} at ${viewport.width} px`;
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectMenuFolded(page, viewport.width);
        await expectFits(page, label);
        if (screen.axe && viewport.width < 1024) await expectAccessible(page, label);
        await keepScreenshot(page, `${role}${screen.path.replaceAll('/', '_')}-${viewport.width}`);
      }
    }
  });
}

test('the menu button opens the menu, a chosen page closes it, and Escape closes it too', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'coordinator');
  await expectMenuFolded(page, 390);

  await menuButton(page).click();
  await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(mainMenu(page)).toBeVisible();
  await expectFits(page, 'the open menu at 390 px');
  await expectAccessible(page, 'the open menu at 390 px');

  await mainMenu(page).getByRole('link', { name: '事例一覧', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '事例一覧' })).toBeVisible();
  await expect(mainMenu(page)).toBeHidden();
  await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'false');

  await menuButton(page).click();
  await mainMenu(page).getByRole('link', { name: 'マイタスク', exact: true }).focus();
  await page.keyboard.press('Escape');
  await expect(mainMenu(page)).toBeHidden();
  await expect(menuButton(page)).toBeFocused();
});
