// The README screenshot, made reproducibly: `npm run build && node scripts/screenshot.mjs [out]`.
// Seeds the demo into a temporary embedded database (PGlite), serves the built app on a free port,
// signs in as the coordinator (重層事業担当) and photographs the home screen at 1440 × 900 in
// Japanese, then stops the server and removes the temporary data. `--base URL` photographs a
// server that is already running instead (its demo accounts must exist).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'bin/kasane.mjs');
const args = process.argv.slice(2);
const baseIndex = args.indexOf('--base');
const givenBase = baseIndex >= 0 ? args.splice(baseIndex, 2)[1] : undefined;
const out = path.resolve(args[0] ?? path.join(root, 'docs/screenshot.png'));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function run(command, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, command], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`kasane ${command} exited with ${code}`)),
    );
  });
}

/** A demo server of our own on a temporary embedded database. */
async function startDemo() {
  if (!fs.existsSync(path.join(root, 'dist/web/index.html')))
    throw new Error('the web app is not built: run `npm run build` first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-screenshot-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: '',
    KASANE_DATA_DIR: dataDir,
    KASANE_DEMO: 'true',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
  };
  await run('seed', env);
  const server = spawn(process.execPath, [cli, 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`kasane start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('kasane start did not answer within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    base,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const demo = givenBase ? { base: givenBase, stop: async () => {} } : await startDemo();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  await page.goto(`${demo.base}/signin`);
  await page.getByLabel('ログインID').fill('coordinator');
  await page.getByLabel('パスワード').fill('kasane-demo');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('button', { name: 'ログアウト' }).waitFor();
  await page.goto(`${demo.base}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .getByText('読み込み中です')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.screenshot({ path: out });
  console.log(`wrote ${path.relative(root, out)}`);
} finally {
  await browser.close();
  await demo.stop();
}
