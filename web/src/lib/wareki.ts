/**
 * Date display for the screens: 和暦 with 西暦 beside it in Japanese (令和8年（2026年）4月1日),
 * plain Gregorian dates in English. Always in Japan time, whatever the browser's zone.
 */
import type { Language } from './i18n/i18n.ts';

const timeZone = 'Asia/Tokyo';

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** Year, month and day as seen in Japan. */
function tokyoYmd(date: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US-u-ca-gregory', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  return { year: Number(part(parts, 'year')), month: Number(part(parts, 'month')), day: Number(part(parts, 'day')) };
}

/** 令和8年 (or 令和元年) for the given instant. */
function eraYear(date: Date): string {
  const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone, era: 'long', year: 'numeric' }).formatToParts(
    date,
  );
  return `${part(parts, 'era')}${part(parts, 'year')}年`;
}

function japaneseDate(date: Date, withWeekday: boolean): string {
  const { year, month, day } = tokyoYmd(date);
  const weekday = withWeekday
    ? `（${new Intl.DateTimeFormat('ja-JP', { timeZone, weekday: 'short' }).format(date)}）`
    : '';
  return `${eraYear(date)}（${year}年）${month}月${day}日${weekday}`;
}

/** A calendar date: 令和8年（2026年）4月1日（水） / Wed, 1 Apr 2026. */
export function formatDate(value: string | Date, language: Language, opts: { withWeekday?: boolean } = {}): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  if (language === 'ja') return japaneseDate(date, opts.withWeekday ?? false);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(opts.withWeekday ? { weekday: 'short' as const } : {}),
  }).format(date);
}

/** A date with the time of day (Japan time): 令和8年（2026年）4月1日 9:05. */
export function formatDateTime(value: string | Date, language: Language): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const time = new Intl.DateTimeFormat('ja-JP', { timeZone, hour: 'numeric', minute: '2-digit' }).format(date);
  return `${formatDate(date, language)} ${time}`;
}

/** The 年度 (April–March) an instant falls in, named by its starting Gregorian year. */
export function fiscalYearOf(value: string | Date): number {
  const { year, month } = tokyoYmd(toDate(value));
  return month >= 4 ? year : year - 1;
}

/** 令和8年度（2026年度） / FY2026 (April 2026 – March 2027). */
export function formatFiscalYear(fiscalYear: number, language: Language): string {
  if (language === 'ja') {
    // Noon on 1 April, Japan time: the era in force when the fiscal year starts names it.
    const start = new Date(`${fiscalYear}-04-01T12:00:00+09:00`);
    return `${eraYear(start)}度（${fiscalYear}年度）`;
  }
  return `FY${fiscalYear} (April ${fiscalYear} – March ${fiscalYear + 1})`;
}
