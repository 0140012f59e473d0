#!/usr/bin/env node
// `npm test`: the unit and API suite (Vitest) and the browser suite (Playwright + Debian Chromium),
// on the embedded database, or on PostgreSQL when DATABASE_URL is set. Ends with one plain line
// "N passed, N failed" that CI reads. Browser tests need Chromium (/usr/bin/chromium or CHROMIUM_PATH):
// without it they are skipped with a warning, unless CI or KASANE_REQUIRE_BROWSER is set, when that fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.kasane-test');
fs.mkdirSync(out, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const backend = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
console.log(`\n=== Kasane tests on ${backend} ===\n`);

let passed = 0;
let failed = 0;
let skipped = 0;

// 1. Unit and API tests.
const vitestJson = path.join(out, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestStatus = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (vitestStatus !== 0 && report.numFailedTests === 0) failed += 1; // a suite that failed to load
} else {
  failed += 1;
}

// 2. Browser tests.
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const requireBrowser = Boolean(process.env.CI || process.env.KASANE_REQUIRE_BROWSER);
if (!fs.existsSync(chromium)) {
  if (requireBrowser) {
    console.error(
      `\nBrowser tests need Chromium at ${chromium} (apt-get install chromium). Failing because CI is set.`,
    );
    failed += 1;
  } else {
    console.warn(
      `\n⚠ Browser tests skipped: no Chromium at ${chromium}. Install Debian's chromium (or set CHROMIUM_PATH) to run them.`,
    );
  }
} else {
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
  const buildStatus = run('npm', ['run', 'build', '--silent']);
  const playwrightJson = path.join(out, 'playwright.json');
  fs.rmSync(playwrightJson, { force: true });
  const status =
    buildStatus === 0
      ? run(bin('playwright'), ['test', '--reporter=list,json'], {
          ...env,
          PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
        })
      : 1;
  if (fs.existsSync(playwrightJson)) {
    const { stats } = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
    if (status !== 0 && stats.unexpected === 0) failed += 1;
  } else {
    failed += 1;
  }
  if (e2eDatabase) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${e2eDatabase} WITH (FORCE)`);
    await admin.end();
  }
}

console.log(`\nKasane tests on ${backend}:`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
