import { expect, type Locator, type Page, test } from './fixtures.ts';
import { expectAccessible, openShiroyamaCase, signIn, signOut } from './support.ts';

/**
 * Forms used one handed on a tablet or phone (docs/screens.md "Touch"): at 768 and 390 px every
 * control a finger presses in the long forms — buttons, fields, selects, the labels of check boxes
 * and radio buttons, tabs — is at least 44 × 44 px, and the form's primary action is on the screen
 * (the action bar sticks to the bottom) while the form's first field is in view, without scrolling
 * to its end. Axe stays clean with the bar stuck.
 */

const MIN_TARGET = 44;

/** Visible touch targets inside `scope` smaller than 44 × 44 px, named for the failure message. */
async function smallTargets(scope: Locator): Promise<string[]> {
  return scope.evaluate((root, min) => {
    const small: string[] = [];
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
    };
    const controls = root.querySelectorAll<HTMLElement>(
      'button, select, textarea, input:not([type=hidden]), [role=tab], summary',
    );
    for (const control of controls) {
      // out of the tab order and hidden from assistive technology: not something a finger aims at
      if (!visible(control) || control.closest('[aria-hidden=true]')) continue;
      // a check box or radio button is pressed on the box or its label: the two together are the target
      let box = control.getBoundingClientRect();
      const label =
        control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')
          ? control.labels?.[0]
          : undefined;
      if (label) {
        const l = label.getBoundingClientRect();
        const left = Math.min(box.left, l.left);
        const top = Math.min(box.top, l.top);
        box = new DOMRect(
          left,
          top,
          Math.max(box.right, l.right) - left,
          Math.max(box.bottom, l.bottom) - top,
        );
      }
      const target = label ?? control;
      if (box.height < min || box.width < min)
        small.push(
          `${control.tagName.toLowerCase()}[${(control.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 30)}] ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return small;
  }, MIN_TARGET);
}

/** The primary action is on screen, at the bottom, once the form's first field is scrolled into view. */
async function expectPrimaryReachable(page: Page, form: Locator, primary: Locator, label: string) {
  await form.locator('input, textarea, select').first().scrollIntoViewIfNeeded();
  const box = await primary.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  expect(box, `${label}: the primary action has a box`).not.toBeNull();
  expect((box?.y ?? 0) + (box?.height ?? 0), `${label}: the primary action is on screen`).toBeLessThanOrEqual(
    height,
  );
  expect(box?.y ?? -1, `${label}: the primary action is on screen`).toBeGreaterThanOrEqual(0);
}

test('long forms at 768 and 390 px: 44 px targets, the primary action kept at the bottom, axe clean', async ({
  page,
}) => {
  test.setTimeout(480_000); // the shared 2-core machine is slow under load
  await signIn(page, 'coordinator');
  await openShiroyamaCase(page);
  const casePath = new URL(page.url()).pathname;

  for (const viewport of [
    { width: 768, height: 1024 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    const at = `${viewport.width} px`;

    // 相談受付: the longest form
    await page.goto('/consultations/new');
    const intake = page.locator('main form').first();
    await expect(intake).toBeVisible();
    expect(await smallTargets(page.locator('main')), `相談受付 at ${at}`).toEqual([]);
    await expectPrimaryReachable(
      page,
      intake,
      intake.getByRole('button', { name: '相談を受け付ける' }),
      `相談受付 at ${at}`,
    );
    await expectAccessible(page, `相談受付 at ${at}`);

    // a case's モニタリング tab, and the menu behind its button on the case page
    await page.goto(casePath);
    await expect(page.getByRole('button', { name: /^メニュー/ })).toHaveAttribute('aria-expanded', 'false');
    await page
      .getByRole('tablist', { name: '事例の記録' })
      .getByRole('tab', { name: 'モニタリング', exact: true })
      .click();
    const monitoring = page.getByRole('tabpanel', { name: 'モニタリング' });
    const monitoringForm = monitoring.locator('form').first();
    await expect(monitoringForm).toBeVisible();
    expect(await smallTargets(page.locator('main')), `モニタリング at ${at}`).toEqual([]);
    await expectPrimaryReachable(
      page,
      monitoringForm,
      monitoring.getByRole('button', { name: 'モニタリングを記録する' }),
      `モニタリング at ${at}`,
    );
    await expectAccessible(page, `モニタリング at ${at}`);
  }

  await page.setViewportSize({ width: 1440, height: 900 });
  await signOut(page);
  await signIn(page, 'houkatsu');
  for (const viewport of [
    { width: 768, height: 1024 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    const at = `${viewport.width} px`;
    // 担当の支援項目 → 支援報告 (the 地域包括支援センター reports on the 8050 case's 見守り)
    await page.goto('/plan-items');
    await page
      .getByRole('button', { name: /^支援報告：/ })
      .first()
      .click();
    const report = page.getByRole('region', { name: /^支援報告：/ });
    await expect(report).toBeVisible();
    expect(await smallTargets(page.locator('main')), `支援報告 at ${at}`).toEqual([]);
    await expectPrimaryReachable(
      page,
      report.locator('form'),
      report.getByRole('button', { name: '報告する' }),
      `支援報告 at ${at}`,
    );
    await expectAccessible(page, `支援報告 at ${at}`);
  }
});
