/**
 * Japanese era (和暦) dates: display beside the Gregorian date, and parsing of what people type
 * (birth dates are given in 和暦 more often than not).
 *
 * Eras come from the table below rather than from `Intl` so that the result does not depend on the
 * ICU data of the runtime; the tests cross-check the table against `ja-JP-u-ca-japanese`.
 *
 * Supported range: from 1873-01-01 (明治6年1月1日), the day Japan adopted the Gregorian calendar.
 * Before it dates were reckoned on the lunisolar calendar, so a Gregorian date in 明治1–5年 has no
 * faithful 和暦 month and day (Gregorian 1868-10-23 was locally 明治元年9月8日). Earlier dates are
 * refused rather than shown wrongly; no living client was born before 1873.
 */

/** One Japanese era. */
export interface Era {
  /** The name as written, e.g. '令和'. */
  readonly name: string;
  /** The Latin initial of short forms, e.g. 'R' in 'R6.1.26'. */
  readonly abbreviation: string;
  /** The first day of the era, Gregorian 'YYYY-MM-DD'. */
  readonly start: string;
}

/** The modern eras, oldest first. An era ends the day before the next one starts. */
export const eras = [
  { name: '明治', abbreviation: 'M', start: '1868-10-23' },
  { name: '大正', abbreviation: 'T', start: '1912-07-30' },
  { name: '昭和', abbreviation: 'S', start: '1926-12-25' },
  { name: '平成', abbreviation: 'H', start: '1989-01-08' },
  { name: '令和', abbreviation: 'R', start: '2019-05-01' },
] as const satisfies readonly Era[];

/** The name of one of the modern eras. */
export type EraName = (typeof eras)[number]['name'];

/** The earliest date handled here: 明治6年1月1日, when Japan adopted the Gregorian calendar. */
export const firstSupportedDate = '1873-01-01';

/** A date split into era, era year (1 = 元年), month and day. */
export interface WarekiDate {
  readonly era: EraName;
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** How `formatWareki` writes a date. */
export interface WarekiFormatOptions {
  /**
   * 'long' (default): '令和6年1月26日', year 1 as '元年'.
   * 'short': 'R6.1.26', year 1 as 'R1' (元 is not used with Latin initials).
   * 'numeric': 'R06.01.26', fixed width for tables and CSV.
   */
  readonly style?: 'long' | 'short' | 'numeric';
  /** Append the day of the week, e.g. '(金)'. */
  readonly withWeekday?: boolean;
}

/** Stable codes of the reasons `parseWareki` refuses an input; usable as i18n keys. */
export type WarekiParseErrorCode =
  | 'empty'
  | 'format'
  | 'year'
  | 'month'
  | 'day'
  | 'beforeEraStart'
  | 'afterEraEnd'
  | 'unsupported';

/** The result of parsing a date typed by a person. `reason` is a Japanese message for the screen. */
export type WarekiParseResult =
  | { readonly ok: true; readonly date: string }
  | { readonly ok: false; readonly code: WarekiParseErrorCode; readonly reason: string };

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const weekdays = ['日', '月', '火', '水', '木', '金', '土'] as const;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
// Only instants with an explicit offset: without one the calendar date would be ambiguous.
const isoInstantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const tokyoDateFormat = new Intl.DateTimeFormat('en-US', {
  calendar: 'gregory',
  numberingSystem: 'latn',
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isoOf({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function calendarDateOf(iso: string): CalendarDate {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

function tokyoCalendarDate(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  const parts = tokyoDateFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const date = { year: part('year'), month: part('month'), day: part('day') };
  // 'era' would be needed for years before 1 and 'YYYY-MM-DD' cannot hold years past 9999.
  if (!(date.year >= 1000 && date.year <= 9999))
    throw new RangeError(`Year out of range: ${instant.toISOString()}`);
  return date;
}

/**
 * The calendar date 'YYYY-MM-DD' of a date-only string (taken as is, no time-zone shift), of an ISO
 * instant string with an offset, or of a `Date`; instants are read in Asia/Tokyo.
 * @throws RangeError for anything else, including impossible dates such as '2024-02-30'.
 */
export function toIsoDate(date: string | Date): string {
  if (date instanceof Date) return isoOf(tokyoCalendarDate(date));
  if (isoDatePattern.test(date)) {
    const { year, month, day } = calendarDateOf(date);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return date;
  } else if (isoInstantPattern.test(date)) {
    return isoOf(tokyoCalendarDate(new Date(date)));
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
}

function eraByName(name: EraName): Era {
  const era = eras.find((candidate) => candidate.name === name);
  if (!era) throw new RangeError(`Unknown era: ${name}`);
  return era;
}

function startYearOf(era: Era): number {
  return Number(era.start.slice(0, 4));
}

function nextEraOf(era: Era): Era | undefined {
  return eras[eras.findIndex((candidate) => candidate.name === era.name) + 1];
}

function warekiOfIso(iso: string): WarekiDate {
  if (iso < firstSupportedDate) {
    throw new RangeError(`Dates before ${firstSupportedDate} (明治6年1月1日) are not supported: ${iso}`);
  }
  // The table is oldest first, so the last era started on or before the date is the one in effect.
  const era = eras.findLast((candidate) => candidate.start <= iso) ?? eras[0];
  const { year, month, day } = calendarDateOf(iso);
  return { era: era.name, year: year - startYearOf(era) + 1, month, day };
}

/**
 * Split a date into era, era year, month and day, e.g. for a 和暦 input with an era selector.
 * Strings and `Date`s are read as by {@link toIsoDate}.
 * @throws RangeError for an invalid date or one before {@link firstSupportedDate}.
 */
export function toWareki(date: string | Date): WarekiDate {
  return warekiOfIso(toIsoDate(date));
}

function eraYearLabel(era: Era, year: number): string {
  return `${era.name}${year === 1 ? '元' : year}年`;
}

function longWareki({ era, year, month, day }: WarekiDate): string {
  return `${eraYearLabel(eraByName(era), year)}${month}月${day}日`;
}

function gregorianLabel({ year, month, day }: CalendarDate): string {
  return `${year}年${month}月${day}日`;
}

/** The 西暦 beside a 和暦 date: '〔2024年〕' (see {@link formatDateWithWareki}). */
export function gregorianYearNote({ year }: { year: number }): string {
  return `〔${year}年〕`;
}

function weekdayOf({ year, month, day }: CalendarDate): string {
  return weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
}

/**
 * Format a date in 和暦, e.g. '令和6年1月26日', '令和元年5月1日', 'R6.1.26', 'R06.01.26', with an
 * optional weekday '(金)'. Date-only strings are calendar dates; `Date`s are read in Asia/Tokyo.
 * @throws RangeError for an invalid date or one before {@link firstSupportedDate}.
 */
export function formatWareki(date: string | Date, opts: WarekiFormatOptions = {}): string {
  const iso = toIsoDate(date);
  const wareki = warekiOfIso(iso);
  const { abbreviation } = eraByName(wareki.era);
  const style = opts.style ?? 'long';
  let text: string;
  switch (style) {
    case 'long':
      text = longWareki(wareki);
      break;
    case 'short':
      text = `${abbreviation}${wareki.year}.${wareki.month}.${wareki.day}`;
      break;
    case 'numeric':
      text = `${abbreviation}${pad(wareki.year, 2)}.${pad(wareki.month, 2)}.${pad(wareki.day, 2)}`;
      break;
    default: {
      const unknown: never = style;
      throw new RangeError(`Unknown style: ${String(unknown)}`);
    }
  }
  if (!opts.withWeekday) return text;
  return `${text}(${weekdayOf(calendarDateOf(iso))})`;
}

/**
 * Format a date in 和暦 followed by its Gregorian year in 亀甲括弧, e.g. '令和6年1月26日〔2024年〕',
 * for screens that show both. Month and day are the same in both calendars, so the year is all the
 * 西暦 adds; 〔〕 keeps it from nesting inside the round brackets a sentence puts around a date
 * (「連絡会議（令和8年11月20日〔2026年〕）」, never 「（令和8年11月20日（2026年11月20日））」).
 * @throws RangeError for an invalid date or one before {@link firstSupportedDate}.
 */
export function formatDateWithWareki(date: string | Date): string {
  const iso = toIsoDate(date);
  return `${longWareki(warekiOfIso(iso))}${gregorianYearNote(calendarDateOf(iso))}`;
}

const eraByInitial = new Map<string, Era>(
  eras.flatMap((era) => [[era.name, era] as const, [era.abbreviation, era] as const]),
);

const eraToken = '(明治|大正|昭和|平成|令和|[MTSHR])';
const warekiWithKanji = new RegExp(`^${eraToken}(元|\\d{1,3})年(\\d{1,2})月(\\d{1,2})日?$`);
const warekiWithSeparators = new RegExp(`^${eraToken}(元|\\d{1,3})[./-](\\d{1,2})[./-](\\d{1,2})$`);
const gregorianWithKanji = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const gregorianWithSeparators = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})$/;
const gregorianCompact = /^(\d{4})(\d{2})(\d{2})$/;

function refuse(code: WarekiParseErrorCode, reason: string): WarekiParseResult {
  return { ok: false, code, reason };
}

const unsupportedReason = '明治6年（1873年）1月1日より前の日付には対応していません。';

/** Checks month and day against the Gregorian year; `label` names the year in the user's own terms. */
function checkMonthAndDay(date: CalendarDate, label: string): WarekiParseResult | undefined {
  if (date.month < 1 || date.month > 12) return refuse('month', '月は1から12までで入力してください。');
  if (date.day < 1 || date.day > 31) return refuse('day', '日は1から31までで入力してください。');
  const lastDay = daysInMonth(date.year, date.month);
  if (date.day > lastDay) {
    return refuse('day', `${label}${date.month}月は${lastDay}日までです。`);
  }
  return undefined;
}

function parseGregorian(date: CalendarDate): WarekiParseResult {
  const invalid = checkMonthAndDay(date, `${date.year}年`);
  if (invalid) return invalid;
  const iso = isoOf(date);
  if (iso < firstSupportedDate) return refuse('unsupported', unsupportedReason);
  return { ok: true, date: iso };
}

function parseEraDate(era: Era, eraYear: number, month: number, day: number): WarekiParseResult {
  if (eraYear < 1) return refuse('year', '和暦の年は1以上（1年は「元年」）で入力してください。');
  const yearLabel = eraYearLabel(era, eraYear);
  const date = { year: startYearOf(era) + eraYear - 1, month, day };
  const invalid = checkMonthAndDay(date, yearLabel);
  if (invalid) return invalid;
  const iso = isoOf(date);
  if (iso < firstSupportedDate) return refuse('unsupported', unsupportedReason);
  const asTyped = `${yearLabel}${month}月${day}日`;
  // Name the date the person most likely meant, e.g. 平成31年5月1日 → 令和元年5月1日.
  const actually = (): string => `${gregorianLabel(date)}は${longWareki(warekiOfIso(iso))}です`;
  if (iso < era.start) {
    const startLabel = gregorianLabel(calendarDateOf(era.start));
    return refuse(
      'beforeEraStart',
      `${asTyped}は存在しません（${era.name}は${startLabel}から。${actually()}）。`,
    );
  }
  const next = nextEraOf(era);
  if (next && iso >= next.start) {
    const lastDay = new Date(`${next.start}T00:00:00Z`);
    lastDay.setUTCDate(lastDay.getUTCDate() - 1);
    const endLabel = gregorianLabel(calendarDateOf(lastDay.toISOString().slice(0, 10)));
    return refuse('afterEraEnd', `${asTyped}は存在しません（${era.name}は${endLabel}まで。${actually()}）。`);
  }
  return { ok: true, date: iso };
}

function eraYearOf(token: string): number {
  return token === '元' ? 1 : Number(token);
}

/**
 * Parse a date typed by a person into 'YYYY-MM-DD'. Accepts 和暦 ('令和6年1月26日', '令和元年5月1日',
 * '平成1年1月8日', 'R6.1.26', 'R06/01/26', 'h31-4-30', 'R6年1月26日', '㋿6年1月26日') and Gregorian
 * ('2024-01-26', '2024/1/26', '2024年1月26日', '20240126'); full-width characters and spaces are
 * tolerated. Refuses impossible dates, dates outside their era (平成31年5月1日: 令和 had started) and
 * dates before {@link firstSupportedDate}, each with a Japanese reason naming the correct date where
 * there is one.
 */
export function parseWareki(input: string): WarekiParseResult {
  // NFKC turns full-width digits, letters and punctuation into ASCII and '㍻' into '平成'.
  const text = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (text === '') return refuse('empty', '日付を入力してください。');

  const wareki = warekiWithKanji.exec(text) ?? warekiWithSeparators.exec(text);
  if (wareki) {
    const [, eraText = '', yearText = '', monthText = '', dayText = ''] = wareki;
    const era = eraByInitial.get(eraText);
    if (era) return parseEraDate(era, eraYearOf(yearText), Number(monthText), Number(dayText));
  }

  const gregorian =
    gregorianWithSeparators.exec(text) ?? gregorianWithKanji.exec(text) ?? gregorianCompact.exec(text);
  if (gregorian) {
    const [, yearText = '', monthText = '', dayText = ''] = gregorian;
    return parseGregorian({ year: Number(yearText), month: Number(monthText), day: Number(dayText) });
  }

  return refuse('format', '日付の形式が正しくありません（例: 令和6年1月26日、R6.1.26、2024-01-26）。');
}
