import { expect, type Page } from '@playwright/test';
import axe from 'axe-core';

export const DEMO_PASSWORD = 'kasane-demo';

/** Sign in through the sign-in page as a demo user and wait for the shell. */
export async function signIn(page: Page, loginId: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
}

/** The demo's 8050 case of 城山 和夫 (支援中, with a plan and a consent), opened from 事例一覧. */
export async function openShiroyamaCase(page: Page): Promise<void> {
  await page.goto('/cases');
  await page
    .getByRole('row', { name: /城山 和夫/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /城山 和夫/ })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page.getByRole('button', { name: 'ログイン' })).toBeVisible();
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * No serious or critical axe violations (WCAG 2.0/2.1/2.2 A and AA) on the page as it is now.
 *
 * axe runs inside the page, injected once per document: a check after a resize or a client-side
 * navigation reuses it. (@axe-core/playwright injected axe on every call and finished each run in a
 * new blank page, about 3 s a check against 1 s here; the app has no frames for it to reach into.)
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  // Only the violations are worked out in full (`resultTypes`) and only they leave the page: the
  // passes of a long page name thousands of nodes with their HTML, which axe would otherwise gather
  // and the browser and this runner serialise and parse on every check.
  const blocking = await page.evaluate(async (values) => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations'],
    });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, wcagTags);
  expect(blocking, `axe on ${label}`).toEqual([]);
}
