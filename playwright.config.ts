import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type Project } from '@playwright/test';
import { chromiumPath } from './scripts/chromium.mjs';

/**
 * The browser suite. Every worker runs its own Kasane server on its own copy of a demo template
 * (tests/e2e/fixtures.ts, tests/e2e/server.ts), so two workers use both cores without seeing each
 * other's changes. On the embedded database alone by default; when E2E_DATABASE_URL names a
 * PostgreSQL server (scripts/test.mjs sets it from DATABASE_URL), the specs are shared between the
 * two databases — in file-name order, alternately — so each spec runs once and both databases serve
 * browsers in every run.
 */
const specs = fs
  .readdirSync(path.join(import.meta.dirname, 'tests/e2e'))
  .filter((name) => name.endsWith('.spec.ts'))
  .sort();
const both = Boolean(process.env.E2E_DATABASE_URL);
const fullTrace = Boolean(process.env.KASANE_E2E_FULL_TRACE);

const projects: Project[] = both
  ? [
      {
        name: 'embedded',
        testMatch: specs.filter((_, i) => i % 2 === 0),
        metadata: { database: 'embedded' },
      },
      {
        name: 'postgres',
        testMatch: specs.filter((_, i) => i % 2 === 1),
        metadata: { database: 'postgres' },
      },
    ]
  : [{ name: 'embedded', testMatch: specs, metadata: { database: 'embedded' } }];

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/globalSetup.ts',
  projects,
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  outputDir: '.kasane-test/playwright',
  use: {
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    // A failed test keeps a trace of its actions, network and console (and a screenshot of the page
    // as it failed), but not the DOM snapshots and screencast frames taken at every action: those
    // cost about a third of the suite's CPU (case8050 alone: 108 CPU-s with them, 75 without), and
    // CI here is bound by CPU. KASANE_E2E_FULL_TRACE=1 records them when a failure needs them.
    trace: {
      mode: 'retain-on-failure',
      screenshots: fullTrace,
      snapshots: fullTrace,
      sources: true,
    },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        // V8's baseline compiler at most, no optimising tiers: a spec's pages live for seconds, and
        // most of their script is Playwright's injected code and axe, compiled anew in every
        // document; optimising it cost more than it saved (the whole suite alone: Chromium's renderers
        // 202 CPU-s with the optimisers, 177 without, the same 233 s of wall time).
        '--js-flags=--max-opt=1',
      ],
    },
  },
});
