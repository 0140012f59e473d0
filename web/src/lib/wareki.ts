/**
 * Date display for the screens. Japanese: 和暦 from the shared domain rules (src/domain/wareki.ts,
 * src/domain/fiscalYear.ts) with 西暦 beside it; English: Gregorian dates. Always in Japan time.
 * Display never throws: a date the rules refuse is shown as an empty string.
 */
import {
  fiscalYearOf as domainFiscalYearOf,
  formatFiscalYear as domainFormatFiscalYear,
} from '../../../src/domain/fiscalYear.ts';
import {
  formatDateWithWareki,
  formatWareki,
  gregorianYearNote,
  toIsoDate,
} from '../../../src/domain/wareki.ts';
import type { Language } from './i18n/i18n.ts';

const timeZone = 'Asia/Tokyo';

function attempt(format: () => string): string {
  try {
    return format();
  } catch {
    return '';
  }
}

function gregorianYear(value: string | Date): string {
  return gregorianYearNote({ year: Number(toIsoDate(value).slice(0, 4)) });
}

/**
 * A calendar date: 令和8年4月1日〔2026年〕, with the weekday 令和8年4月1日(水)〔2026年〕; Wed, 1 Apr 2026.
 * The 西暦 goes in 〔〕 so that a date inside a sentence's （） never nests round brackets.
 */
export function formatDate(
  value: string | Date,
  language: Language,
  opts: { withWeekday?: boolean } = {},
): string {
  if (language === 'ja') {
    return attempt(() =>
      opts.withWeekday
        ? `${formatWareki(value, { withWeekday: true })}${gregorianYear(value)}`
        : formatDateWithWareki(value),
    );
  }
  return attempt(() =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(opts.withWeekday ? { weekday: 'short' as const } : {}),
    }).format(new Date(value)),
  );
}

/** A moment for tables: 令和8年4月1日 9:05 (Japan time); 1 Apr 2026, 09:05. */
export function formatDateTime(
  value: string | Date,
  language: Language,
  options: { seconds?: boolean } = {},
): string {
  return attempt(() => {
    const date = new Date(value);
    const time = new Intl.DateTimeFormat('ja-JP', {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      ...(options.seconds ? { second: '2-digit' } : {}),
    }).format(date);
    if (language === 'ja') return `${formatWareki(value)} ${time}`;
    const day = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(date);
    return `${day}, ${time}`;
  });
}

/** The 年度 (April–March) an instant falls in, named by its starting Gregorian year. */
export function fiscalYearOf(value: string | Date): number {
  return domainFiscalYearOf(value);
}

/** 令和8年度〔2026年度〕 / FY2026 (April 2026 – March 2027). */
export function formatFiscalYear(fiscalYear: number, language: Language): string {
  if (language === 'ja') return attempt(() => `${domainFormatFiscalYear(fiscalYear)}〔${fiscalYear}年度〕`);
  return `FY${fiscalYear} (April ${fiscalYear} – March ${fiscalYear + 1})`;
}
