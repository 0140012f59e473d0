/**
 * 開庁日: the days the city office is open, for deadlines and waiting times. All dates are
 * calendar dates 'YYYY-MM-DD'; functions throw RangeError for anything else.
 *
 * National holidays come from @holiday-jp/holiday_jp, whose table covers 1970–2050: outside it no
 * day counts as a national holiday.
 */
import holidayJp from '@holiday-jp/holiday_jp';

const holidays: Readonly<Record<string, { readonly name: string } | undefined>> = holidayJp.holidays;

const dayMs = 86_400_000;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of a calendar date, validating it on the way. */
function epochDay(date: string): number {
  const ms = isoDatePattern.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  // Date.parse rolls 02-30 over to 03-01; formatting back catches it.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return ms / dayMs;
}

function isoOfEpochDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

function assertInteger(n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`Not an integer number of days: ${n}`);
}

/** Whether the date is a national holiday (祝日, 振替休日 or 国民の休日). */
export function isHoliday(date: string): boolean {
  epochDay(date);
  return holidays[date] !== undefined;
}

/** The Japanese name of the national holiday on the date, e.g. '憲法記念日', or undefined. */
export function holidayName(date: string): string | undefined {
  epochDay(date);
  return holidays[date]?.name;
}

function isYearEnd(date: string): boolean {
  const monthDay = date.slice(5);
  return monthDay >= '12-29' || monthDay <= '01-03';
}

/** Whether the date falls in 年末年始 (29 December to 3 January), when municipal offices close. */
export function isYearEndClosure(date: string): boolean {
  epochDay(date);
  return isYearEnd(date);
}

function isOpen(day: number): boolean {
  const weekday = new Date(day * dayMs).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const date = isoOfEpochDay(day);
  return holidays[date] === undefined && !isYearEnd(date);
}

/** Whether the office is open: not a Saturday or Sunday, not a national holiday, not 年末年始. */
export function isBusinessDay(date: string): boolean {
  return isOpen(epochDay(date));
}

/**
 * The n-th business day after `date` (before it for negative n); `date` itself is never counted,
 * so adding 1 to a Friday gives the next Monday. n = 0 returns `date` unchanged, open or not.
 * @throws RangeError unless n is an integer.
 */
export function addBusinessDays(date: string, n: number): string {
  assertInteger(n);
  const step = Math.sign(n);
  let day = epochDay(date);
  for (let remaining = Math.abs(n); remaining > 0; ) {
    day += step;
    if (isOpen(day)) remaining -= 1;
  }
  return isoOfEpochDay(day);
}

/**
 * The number of business days from `from` to `to`: those after `from` up to and including `to`, or
 * minus those from `to` up to but excluding `from` when `to` is earlier. This makes it the inverse
 * of {@link addBusinessDays}: `businessDaysBetween(d, addBusinessDays(d, n)) === n`.
 */
export function businessDaysBetween(from: string, to: string): number {
  const first = epochDay(from);
  const last = epochDay(to);
  let count = 0;
  for (let day = first + 1; day <= last; day += 1) {
    if (isOpen(day)) count += 1;
  }
  for (let day = last; day < first; day += 1) {
    if (isOpen(day)) count -= 1;
  }
  return count;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier), e.g. for 'days waiting'. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}
