// Takes the README screenshot: `node scripts/screenshot.mjs [baseUrl] [loginId] [path] [out]` against a running demo server.
import { chromium } from '@playwright/test';

const [
  base = 'http://127.0.0.1:3000',
  loginId = 'admin',
  path = '/admin/organizations',
  out = 'docs/screenshot.png',
] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({
  viewport: { width: 1280, height: 860 },
  locale: 'ja-JP',
  timezoneId: 'Asia/Tokyo',
});
await page.goto(`${base}/signin`);
await page.getByLabel('ログインID').fill(loginId);
await page.getByLabel('パスワード').fill('kasane-demo');
await page.getByRole('button', { name: 'ログイン' }).click();
await page.getByRole('button', { name: 'ログアウト' }).waitFor();
await page.goto(`${base}${path}`);
await page.waitForLoadState('networkidle');
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
