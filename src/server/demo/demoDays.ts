import { today } from '../../domain/clock.ts';

/** The demo's dates count from today (src/domain/clock.ts), so the stories stay current whenever they are seeded. */

/** The calendar date `days` before today (after it, for a negative number), 'YYYY-MM-DD'. */
export function daysAgo(days: number): string {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** The calendar date `days` after today. */
export function daysAhead(days: number): string {
  return daysAgo(-days);
}

/** An instant `days` ago at the given Japan time ('HH:MM'), as ISO with its offset. */
export function at(days: number, time: string): string {
  return `${daysAgo(days)}T${time}:00+09:00`;
}

/** A birth date for someone `years` old (give or take `days`). */
export function bornYearsAgo(years: number, days = 0): string {
  return daysAgo(years * 365 + days);
}
