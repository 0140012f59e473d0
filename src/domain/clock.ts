import { toIsoDate } from './wareki.ts';

/**
 * The one clock of Kasane. Everything that asks "what time is it" or "what day is it in Japan"
 * asks here, so a test can fix the time (`setClock`) instead of hard-coding dates that rot.
 * Reading the clock is the only impurity allowed in src/domain; it is a parameter in disguise.
 */
type ClockSource = () => Date;

const systemClock: ClockSource = () => new Date();
let source: ClockSource = systemClock;

/** The current instant. */
export function now(): Date {
  return source();
}

/** Today's calendar date in Asia/Tokyo, 'YYYY-MM-DD'. */
export function today(): string {
  return toIsoDate(source());
}

/**
 * Fix the clock for tests: a Date or ISO instant freezes it, a function makes it move as the test
 * wants. `resetClock()` puts the system clock back.
 */
export function setClock(at: Date | string | ClockSource): void {
  if (typeof at === 'function') source = at;
  else {
    const fixed = new Date(at);
    source = () => new Date(fixed);
  }
}

/** Back to the system clock. */
export function resetClock(): void {
  source = systemClock;
}
