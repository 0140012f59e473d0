/**
 * 年度: the Japanese fiscal year, April to March, by which the city reports its statistics.
 * A fiscal year is identified by the Gregorian year it starts in (FY2024 = 2024-04-01 … 2025-03-31).
 */
import { type EraName, eras, firstSupportedDate, toIsoDate, toWareki } from './wareki.ts';

/** The first and last day of a fiscal year, 'YYYY-MM-DD'. */
export interface FiscalYearRange {
  readonly start: string;
  readonly end: string;
}

/** Stable codes of the reasons `parseFiscalYear` refuses an input; usable as i18n keys. */
export type FiscalYearParseErrorCode = 'empty' | 'format' | 'year' | 'afterEraEnd' | 'unsupported';

/** The result of parsing a fiscal year typed by a person. `reason` is a Japanese message. */
export type FiscalYearParseResult =
  | { readonly ok: true; readonly fiscalYear: number }
  | { readonly ok: false; readonly code: FiscalYearParseErrorCode; readonly reason: string };

/** The first fiscal year that `formatFiscalYear` names: the first wholly after {@link firstSupportedDate}. */
export const firstSupportedFiscalYear = Number(firstSupportedDate.slice(0, 4));

// The last fiscal year whose range still fits 'YYYY-MM-DD'.
const lastSupportedFiscalYear = 9998;

/**
 * The fiscal year (its starting Gregorian year) a date falls in: 2024-03-31 → 2023, 2024-04-01 → 2024.
 * Date-only strings are calendar dates; `Date`s and instant strings are read in Asia/Tokyo.
 * @throws RangeError for an invalid date.
 */
export function fiscalYearOf(date: string | Date): number {
  const iso = toIsoDate(date);
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
}

function assertFiscalYear(fiscalYear: number, first: number): void {
  if (!Number.isInteger(fiscalYear) || fiscalYear < first || fiscalYear > lastSupportedFiscalYear) {
    throw new RangeError(`Fiscal year out of range ${first}–${lastSupportedFiscalYear}: ${fiscalYear}`);
  }
}

/**
 * The first and last day of a fiscal year: 2024 → { start: '2024-04-01', end: '2025-03-31' }.
 * @throws RangeError unless `fiscalYear` is an integer from 1000 to 9998.
 */
export function fiscalYearRange(fiscalYear: number): FiscalYearRange {
  assertFiscalYear(fiscalYear, 1000);
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-03-31` };
}

function eraYearLabel(era: EraName, year: number): string {
  return `${era}${year === 1 ? '元' : year}年度`;
}

/**
 * The 和暦 name of a fiscal year: 2024 → '令和6年度', 2018 → '平成30年度', 1989 → '平成元年度'.
 *
 * A fiscal year is named after the era in effect on 31 December of the year it starts. This gives
 * '令和元年度' for FY2019, as official statistics call it, although its first month (April 2019) was
 * still 平成31年; and '昭和63年度' for FY1988, during which 平成 began (January 1989). The same rule
 * names FY1912 '大正元年度' and FY1926 '昭和元年度'.
 * @throws RangeError unless `fiscalYear` is an integer from {@link firstSupportedFiscalYear} to 9998.
 */
export function formatFiscalYear(fiscalYear: number): string {
  assertFiscalYear(fiscalYear, firstSupportedFiscalYear);
  const { era, year } = toWareki(`${fiscalYear}-12-31`);
  return eraYearLabel(era, year);
}

function refuse(code: FiscalYearParseErrorCode, reason: string): FiscalYearParseResult {
  return { ok: false, code, reason };
}

/**
 * The last fiscal year that can carry an era's name: the last whose 1 April fell within the era
 * (平成31年度 was a real name of FY2019 before 令和 began), or undefined for the current era.
 */
function lastFiscalYearOfEra(index: number): number | undefined {
  const next = eras[index + 1];
  if (!next) return undefined;
  const nextStartYear = Number(next.start.slice(0, 4));
  return next.start > `${nextStartYear}-04-01` ? nextStartYear : nextStartYear - 1;
}

const eraFiscalYear = /^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,3})(?:年度?)?$/;
const gregorianFiscalYear = /^(?:FY)?(\d{4})(?:年度?)?$/;

function checkSupported(fiscalYear: number): FiscalYearParseResult {
  if (fiscalYear < firstSupportedFiscalYear) {
    return refuse(
      'unsupported',
      `${firstSupportedFiscalYear}年度（明治6年度）より前の年度には対応していません。`,
    );
  }
  if (fiscalYear > lastSupportedFiscalYear) {
    return refuse('unsupported', `${lastSupportedFiscalYear}年度より後の年度には対応していません。`);
  }
  return { ok: true, fiscalYear };
}

/**
 * Parse a fiscal year typed by a person: '令和6年度', '令和元年度', 'R6', 'R06年度', '2024', '2024年度',
 * 'FY2024'; full-width characters and spaces are tolerated. Both '令和元年度' and '平成31年度' give 2019;
 * names that never existed ('平成32年度', '昭和64年度') are refused with a Japanese reason.
 */
export function parseFiscalYear(input: string): FiscalYearParseResult {
  const text = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (text === '') return refuse('empty', '年度を入力してください。');

  const gregorian = gregorianFiscalYear.exec(text);
  if (gregorian) return checkSupported(Number(gregorian[1]));

  const wareki = eraFiscalYear.exec(text);
  const eraIndex = eras.findIndex((era) => era.name === wareki?.[1] || era.abbreviation === wareki?.[1]);
  const era = eras[eraIndex];
  if (!wareki || !era) {
    return refuse('format', '年度の形式が正しくありません（例: 令和6年度、R6、2024）。');
  }
  const eraYear = wareki[2] === '元' ? 1 : Number(wareki[2]);
  if (eraYear < 1) return refuse('year', '和暦の年は1以上（1年は「元年」）で入力してください。');
  const startYear = Number(era.start.slice(0, 4));
  const fiscalYear = startYear + eraYear - 1;
  const lastFiscalYear = lastFiscalYearOfEra(eraIndex);
  if (lastFiscalYear !== undefined && fiscalYear > lastFiscalYear) {
    return refuse(
      'afterEraEnd',
      `${eraYearLabel(era.name, eraYear)}は存在しません（${era.name}は` +
        `${eraYearLabel(era.name, lastFiscalYear - startYear + 1)}まで。` +
        `${fiscalYear}年度は${formatFiscalYear(fiscalYear)}です）。`,
    );
  }
  return checkSupported(fiscalYear);
}
