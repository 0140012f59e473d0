#!/usr/bin/env node
// `npm test`: every suite, each once where the database does not matter and once per database where
// it does; prints each suite's count and time, then one plain line "N passed, N failed" that CI reads.
//
//   unit       Vitest project `unit`: pure code and the web's components (no database)
//   database   Vitest project `database`: the API over real HTTP and the database tests, on the embedded
//              database (PGlite), and again on PostgreSQL when DATABASE_URL is set
//   bench      `npm run bench` at BENCH_SCALE=small on PostgreSQL (only when DATABASE_URL is set): that
//              it runs, not its figures
//   build      the web app (vite build)
//   browser    Playwright on Debian Chromium: a server per worker; on PGlite, or — with DATABASE_URL —
//              its specs shared between PGlite and PostgreSQL
//
// The suites run one after the other, each of them keeping both cores busy on its own, except the
// quick bench, which runs beside the PostgreSQL suite. The browser suite's output and the bench's are
// kept in .kasane-test/browser.log and .kasane-test/bench.log and printed when each ends.
//
// Browser tests need Debian's Chromium (chromium-headless-shell or chromium, or CHROMIUM_PATH:
// scripts/chromium.mjs): without it they are skipped with a warning, unless CI or
// KASANE_REQUIRE_BROWSER is set, when that fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath } from './chromium.mjs';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.kasane-test');
fs.mkdirSync(out, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const postgresUrl = process.env.DATABASE_URL || '';

const suites = [];
const began = Date.now();

/**
 * Run one suite; `count` reads its result file into { passed, failed, skipped }. With `log`, its output
 * goes to that file instead of this terminal (printed once it ends).
 */
async function suite(name, command, args, { env = {}, count, log } = {}) {
  if (!log) console.log(`\n=== ${name} ===\n`);
  const started = Date.now();
  const output = log ? fs.openSync(log, 'w') : 'inherit';
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', output, output],
    env: { ...process.env, ...env },
  });
  const status = await new Promise((resolve) => {
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
  if (log) {
    fs.closeSync(output);
    console.log(`\n=== ${name}: its output ===\n`);
    process.stdout.write(fs.readFileSync(log, 'utf8'));
  }
  const seconds = (Date.now() - started) / 1000;
  let result = { passed: 0, failed: status === 0 ? 0 : 1, skipped: 0 };
  if (count) {
    const counted = count();
    // a suite that failed without a failed test (it did not load, or its setup broke) counts as one failure
    result = counted
      ? { ...counted, failed: counted.failed || (status === 0 ? 0 : 1) }
      : { ...result, failed: 1 };
  }
  suites.push({ name, seconds, ...result });
  return status;
}

function vitest(name, project, env) {
  const report = path.join(out, `vitest-${project}-${name.replace(/\W+/g, '-')}.json`);
  fs.rmSync(report, { force: true });
  return suite(
    name,
    bin('vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      env,
      count: () => {
        if (!fs.existsSync(report)) return undefined;
        const r = JSON.parse(fs.readFileSync(report, 'utf8'));
        return {
          passed: r.numPassedTests,
          failed: r.numFailedTests,
          skipped: r.numPendingTests + r.numTodoTests,
        };
      },
    },
  );
}

/** The build, then the browser suite started in the background; the function returned waits for it. */
async function browserSuite() {
  const chromium = chromiumPath();
  const requireBrowser = Boolean(process.env.CI || process.env.KASANE_REQUIRE_BROWSER);
  if (!fs.existsSync(chromium)) {
    if (requireBrowser) {
      console.error(
        `\nBrowser tests need Chromium at ${chromium} (apt-get install chromium-headless-shell). Failing because CI is set.`,
      );
      suites.push({ name: 'browser', seconds: 0, passed: 0, failed: 1, skipped: 0 });
    } else {
      console.warn(
        `\n⚠ Browser tests skipped: no Chromium at ${chromium}. Install Debian's chromium-headless-shell (or set CHROMIUM_PATH) to run them.`,
      );
    }
    return () => Promise.resolve();
  }
  if ((await suite('build', 'npm', ['run', 'build', '--silent'])) !== 0) return () => Promise.resolve();
  const report = path.join(out, 'playwright.json');
  fs.rmSync(report, { force: true });
  console.log('\n=== browser (its output in .kasane-test/browser.log, printed when it ends) ===');
  const running = suite(
    postgresUrl ? 'browser on PGlite and PostgreSQL' : 'browser on PGlite',
    bin('playwright'),
    ['test', '--reporter=list,json'],
    {
      log: path.join(out, 'browser.log'),
      env: { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: report, E2E_DATABASE_URL: postgresUrl },
      count: () => {
        if (!fs.existsSync(report)) return undefined;
        const { stats } = JSON.parse(fs.readFileSync(report, 'utf8'));
        return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
      },
    },
  );
  return () => running;
}

/**
 * The benchmark at its quick scale, in the background beside the PostgreSQL suite: checks that it runs end
 * to end (production-like server, anchors, results written), not its figures, which depend on the
 * machine (and here on the suite running beside it).
 */
function benchSuite() {
  const benchResult = path.join(out, 'bench', 'latest.json');
  fs.rmSync(benchResult, { force: true });
  if (!postgresUrl) return Promise.resolve();
  console.log('\n=== bench: started in the background (.kasane-test/bench.log) ===');
  return suite('bench (small, PostgreSQL)', 'npm', ['run', 'bench', '--silent'], {
    log: path.join(out, 'bench.log'),
    env: {
      BENCH_SCALE: 'small',
      BENCH_SECONDS: '0.3',
      BENCH_RESTARTS: '1',
      BENCH_DATABASE_URL: postgresUrl,
      BENCH_RESULTS: path.join(out, 'bench'),
    },
    count: () => {
      if (!fs.existsSync(benchResult)) return undefined;
      const { failures } = JSON.parse(fs.readFileSync(benchResult, 'utf8'));
      return failures === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
    },
  });
}

// One suite at a time, but for the quick bench beside the PostgreSQL suite: each suite alone keeps
// both cores busy (the Vitest suites 1.8–1.9 of them, the browser suite about 1.7), so running the
// browser suite beside the others only added the cost of sharing the cores (docs/testing.md, *What a
// run costs*); the bench, partly waiting on its load generator and PostgreSQL, costs the PostgreSQL
// suite less time than it takes on its own.
await (await browserSuite())();
await vitest('unit', 'unit', {});
await vitest('database on PGlite', 'database', { DATABASE_URL: '' });
const benchDone = benchSuite();
if (postgresUrl) await vitest('database on PostgreSQL', 'database', { DATABASE_URL: postgresUrl });
await benchDone;

const total = suites.reduce(
  (sum, s) => ({
    passed: sum.passed + s.passed,
    failed: sum.failed + s.failed,
    skipped: sum.skipped + s.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`\nKasane tests${postgresUrl ? ' (PGlite and PostgreSQL)' : ' (PGlite)'}:`);
for (const s of suites)
  console.log(
    `  ${s.name.padEnd(36)} ${String(s.passed).padStart(5)} passed ${String(s.failed).padStart(3)} failed${s.skipped ? ` ${s.skipped} skipped` : ''}  ${s.seconds.toFixed(1).padStart(6)} s`,
  );
console.log(`  ${'total'.padEnd(36)} ${((Date.now() - began) / 1000).toFixed(1).padStart(37)} s`);
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed > 0 ? 1 : 0);
