import { afterAll, beforeAll } from 'vitest';
import { resetClock, setClock } from '../../src/domain/clock.ts';
import { toIsoDate } from '../../src/domain/wareki.ts';

/**
 * The instant that suites depending on "today" run at: Wednesday 2 December 2026, 10:00 in Tokyo
 * (令和8年度, a business day). Their hard-coded dates are written against it, so they do not rot as
 * the calendar moves on.
 */
export const TEST_NOW = '2026-12-02T10:00:00+09:00';
export const TEST_TODAY = '2026-12-02';

/**
 * For this test file, start src/domain/clock.ts at `at` and let it run at real speed (events keep
 * their order and durations stay real); the system clock is back after the file. The server of API
 * tests runs in the test's process, so it reads the same clock. Call at the top of the file, before
 * the hooks that seed data.
 */
export function startTestClock(at: string = TEST_NOW): void {
  beforeAll(() => {
    const origin = Date.parse(at);
    const started = performance.now();
    setClock(() => new Date(origin + Math.round(performance.now() - started)));
  });
  afterAll(() => resetClock());
}

/** The ISO date `days` days before today's date in Tokyo by the system clock (not the test clock). */
export function daysAgo(days: number): string {
  const date = new Date(`${toIsoDate(new Date())}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
