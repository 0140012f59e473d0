#!/usr/bin/env node
// `npm test`: the unit and API suite (Vitest) and the browser suite (Playwright + Debian Chromium),
// on the embedded database, or on PostgreSQL when DATABASE_URL is set. Ends with one plain line
// "N passed, N failed" that CI reads. Browser tests need Chromium (/usr/bin/chromium or CHROMIUM_PATH):
// without it they are skipped with a warning, unless CI or KASANE_REQUIRE_BROWSER is set, when that fails.
//
// The two suites run at the same time: the browser suite mostly waits (one server, one browser,
// one test at a time) while Vitest keeps both cores busy, so together they take little longer than
// Vitest alone. The browser suite's output is kept in .kasane-test/playwright.log and printed after
// Vitest's, so the two never interleave. KASANE_TEST_SERIAL=1 runs them one after the other.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.kasane-test');
fs.mkdirSync(out, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Runs a command to its end; its output goes to the terminal, or to `logFile` when given. */
function run(command, args, { env = {}, logFile } = {}) {
  return new Promise((resolve) => {
    const log = logFile ? fs.openSync(logFile, 'a') : undefined;
    const child = spawn(command, args, {
      cwd: root,
      stdio: log === undefined ? 'inherit' : ['ignore', log, log],
      env: { ...process.env, ...env },
    });
    const done = (status) => {
      if (log !== undefined) fs.closeSync(log);
      resolve(status);
    };
    child.on('error', () => done(1));
    child.on('exit', (code) => done(code ?? 1));
  });
}

const backend = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
console.log(`\n=== Kasane tests on ${backend} ===\n`);

/** The unit and API tests: their counts. */
async function unitSuite() {
  const vitestJson = path.join(out, 'vitest.json');
  fs.rmSync(vitestJson, { force: true });
  const status = await run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
  if (!fs.existsSync(vitestJson)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  return {
    passed: report.numPassedTests,
    // a suite that failed to load counts as a failure
    failed: report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0),
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/** The browser tests against a fresh demo server: their counts, or null when skipped. */
async function browserSuite(logFile) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const requireBrowser = Boolean(process.env.CI || process.env.KASANE_REQUIRE_BROWSER);
  if (!fs.existsSync(chromium)) {
    if (requireBrowser) {
      console.error(
        `\nBrowser tests need Chromium at ${chromium} (apt-get install chromium). Failing because CI is set.`,
      );
      return { passed: 0, failed: 1, skipped: 0 };
    }
    console.warn(
      `\n⚠ Browser tests skipped: no Chromium at ${chromium}. Install Debian's chromium (or set CHROMIUM_PATH) to run them.`,
    );
    return null;
  }
  let e2eDatabase;
  const env = { CHROMIUM_PATH: chromium };
  if (process.env.DATABASE_URL) {
    // A database of its own for the browser run, seeded with the demo on start.
    e2eDatabase = `kasane_e2e_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${e2eDatabase}`);
    await admin.query(
      `CREATE DATABASE ${e2eDatabase} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${e2eDatabase}`;
    Object.assign(env, { E2E_DATABASE_URL: url.toString() });
  }
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const buildStatus = await run('npm', ['run', 'build', '--silent'], { logFile });
  const playwrightJson = path.join(out, 'playwright.json');
  fs.rmSync(playwrightJson, { force: true });
  const status =
    buildStatus === 0
      ? await run(bin('playwright'), ['test', '--reporter=list,json'], {
          env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
          logFile,
        })
      : 1;
  if (fs.existsSync(playwrightJson)) {
    const { stats } = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'));
    counts.passed = stats.expected + stats.flaky;
    counts.failed = stats.unexpected + (status !== 0 && stats.unexpected === 0 ? 1 : 0);
    counts.skipped = stats.skipped;
  } else {
    counts.failed = 1;
  }
  if (e2eDatabase) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${e2eDatabase} WITH (FORCE)`);
    await admin.end();
  }
  return counts;
}

const serial = Boolean(process.env.KASANE_TEST_SERIAL);
const browserLog = serial ? undefined : path.join(out, 'playwright.log');
if (browserLog) fs.rmSync(browserLog, { force: true });

let unit;
let browser;
if (serial) {
  unit = await unitSuite();
  browser = await browserSuite(undefined);
} else {
  [unit, browser] = await Promise.all([unitSuite(), browserSuite(browserLog)]);
  if (fs.existsSync(browserLog)) {
    console.log('\n=== Browser tests (Playwright, Chromium) ===\n');
    process.stdout.write(fs.readFileSync(browserLog, 'utf8'));
  }
}

const total = [unit, browser].filter(Boolean).reduce(
  (sum, part) => ({
    passed: sum.passed + part.passed,
    failed: sum.failed + part.failed,
    skipped: sum.skipped + part.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`\nKasane tests on ${backend}:`);
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed > 0 ? 1 : 0);
