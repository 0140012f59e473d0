import { describe, expect, it } from 'vitest';
import {
  firstSupportedFiscalYear,
  fiscalYearOf,
  fiscalYearRange,
  formatFiscalYear,
  parseFiscalYear,
} from '../../src/domain/fiscalYear.ts';
import { everyNthDay, shiftDays } from '../support/calendarDays.ts';

describe('fiscalYearOf', () => {
  it.each([
    ['2024-03-31', 2023],
    ['2024-04-01', 2024],
    ['2024-01-01', 2023],
    ['2023-12-31', 2023],
    ['2024-12-31', 2024],
    ['2025-03-31', 2024],
    ['2025-04-01', 2025],
    ['2024-02-29', 2023],
    ['2019-04-30', 2019],
    ['2019-05-01', 2019],
    ['1989-01-07', 1988],
    ['1989-04-01', 1989],
    ['2000-03-31', 1999],
  ])('%s → %i', (date, expected) => {
    expect(fiscalYearOf(date)).toBe(expected);
  });

  it.each([
    [new Date('2024-03-31T14:59:59Z'), 2023],
    [new Date('2024-03-31T15:00:00Z'), 2024],
    [new Date('2024-04-01T00:00:00+09:00'), 2024],
    [new Date('2025-03-31T23:59:59+09:00'), 2024],
    [new Date('2025-03-31T15:00:00Z'), 2025],
  ])('reads %o in Asia/Tokyo → %i', (date, expected) => {
    expect(fiscalYearOf(date)).toBe(expected);
  });

  it('reads an instant string in Asia/Tokyo', () => {
    expect(fiscalYearOf('2024-03-31T15:00:00Z')).toBe(2024);
    expect(fiscalYearOf('2024-03-31T14:59:59Z')).toBe(2023);
  });

  it.each([['2024-02-30'], ['2024-04'], ['2024/04/01'], [''], ['R6.4.1']])(
    'throws RangeError for %j',
    (input) => {
      expect(() => fiscalYearOf(input)).toThrow(RangeError);
    },
  );

  it('throws RangeError for an invalid Date', () => {
    expect(() => fiscalYearOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('fiscalYearRange', () => {
  it.each([
    [2024, '2024-04-01', '2025-03-31'],
    [2023, '2023-04-01', '2024-03-31'],
    [2019, '2019-04-01', '2020-03-31'],
    [1988, '1988-04-01', '1989-03-31'],
    [1999, '1999-04-01', '2000-03-31'],
  ])('%i → %s … %s', (fiscalYear, start, end) => {
    expect(fiscalYearRange(fiscalYear)).toEqual({ start, end });
  });

  it.each([[2024.5], [Number.NaN], [999], [9999], [-1]])('throws RangeError for %d', (fiscalYear) => {
    expect(() => fiscalYearRange(fiscalYear)).toThrow(RangeError);
  });

  it('contains exactly the dates fiscalYearOf assigns to it, for every 37th day 1950–2040', () => {
    for (const date of everyNthDay('1950-01-01', '2040-12-31', 37)) {
      const { start, end } = fiscalYearRange(fiscalYearOf(date));
      expect(start <= date && date <= end, date).toBe(true);
    }
  });

  it('leaves no gap or overlap between consecutive fiscal years', () => {
    for (let fiscalYear = 1900; fiscalYear <= 2100; fiscalYear += 1) {
      const { start, end } = fiscalYearRange(fiscalYear);
      expect(shiftDays(end, 1)).toBe(fiscalYearRange(fiscalYear + 1).start);
      expect([fiscalYearOf(start), fiscalYearOf(end)]).toEqual([fiscalYear, fiscalYear]);
    }
  });
});

describe('formatFiscalYear', () => {
  it.each([
    [2024, '令和6年度'],
    [2020, '令和2年度'],
    // FY2019 starts on 平成31年4月1日 but is officially called 令和元年度.
    [2019, '令和元年度'],
    [2018, '平成30年度'],
    [1990, '平成2年度'],
    [1989, '平成元年度'],
    // 平成 began in January 1989, inside FY1988, which stays 昭和63年度.
    [1988, '昭和63年度'],
    [1927, '昭和2年度'],
    [1926, '昭和元年度'],
    [1925, '大正14年度'],
    [1913, '大正2年度'],
    [1912, '大正元年度'],
    [1911, '明治44年度'],
    [1873, '明治6年度'],
    [2118, '令和100年度'],
  ])('%i → %s', (fiscalYear, expected) => {
    expect(formatFiscalYear(fiscalYear)).toBe(expected);
  });

  it('starts at the first fiscal year after the Gregorian calendar was adopted', () => {
    expect(firstSupportedFiscalYear).toBe(1873);
  });

  it.each([[1872], [1868], [2024.5], [Number.NaN], [9999]])('throws RangeError for %d', (fiscalYear) => {
    expect(() => formatFiscalYear(fiscalYear)).toThrow(RangeError);
  });
});

describe('parseFiscalYear accepts', () => {
  it.each([
    ['令和6年度', 2024],
    ['令和元年度', 2019],
    ['令和1年度', 2019],
    ['平成31年度', 2019],
    ['平成30年度', 2018],
    ['平成元年度', 1989],
    ['昭和63年度', 1988],
    ['昭和元年度', 1926],
    ['大正15年度', 1926],
    ['大正元年度', 1912],
    ['明治45年度', 1912],
    ['明治6年度', 1873],
    ['R6', 2024],
    ['R06', 2024],
    ['r6', 2024],
    ['R6年度', 2024],
    ['R元', 2019],
    ['H31', 2019],
    ['H30', 2018],
    ['S63', 1988],
    ['T15', 1926],
    ['M45', 1912],
    ['2024', 2024],
    ['2024年度', 2024],
    ['FY2024', 2024],
    ['ＦＹ２０２４', 2024],
    ['２０２４', 2024],
    ['令和６年度', 2024],
    ['Ｒ６', 2024],
    ['令和 6 年度', 2024],
    ['  2024  ', 2024],
    ['1873', 1873],
  ])('%j → %i', (input, expected) => {
    expect(parseFiscalYear(input)).toEqual({ ok: true, fiscalYear: expected });
  });

  it('round-trips formatFiscalYear for every fiscal year 1873–2200', () => {
    for (let fiscalYear = 1873; fiscalYear <= 2200; fiscalYear += 1) {
      expect(parseFiscalYear(formatFiscalYear(fiscalYear)), String(fiscalYear)).toEqual({
        ok: true,
        fiscalYear,
      });
      expect(parseFiscalYear(String(fiscalYear))).toEqual({ ok: true, fiscalYear });
    }
  });
});

describe('parseFiscalYear refuses', () => {
  const formatReason = '年度の形式が正しくありません（例: 令和6年度、R6、2024）。';
  const unsupportedReason = '1873年度（明治6年度）より前の年度には対応していません。';
  it.each([
    ['', 'empty', '年度を入力してください。'],
    ['  ', 'empty', '年度を入力してください。'],
    ['来年度', 'format', formatReason],
    ['X6', 'format', formatReason],
    ['24', 'format', formatReason],
    ['2024-04', 'format', formatReason],
    ['令和', 'format', formatReason],
    ['令和0年度', 'year', '和暦の年は1以上（1年は「元年」）で入力してください。'],
    ['R0', 'year', '和暦の年は1以上（1年は「元年」）で入力してください。'],
    [
      '平成32年度',
      'afterEraEnd',
      '平成32年度は存在しません（平成は平成31年度まで。2020年度は令和2年度です）。',
    ],
    ['H32', 'afterEraEnd', '平成32年度は存在しません（平成は平成31年度まで。2020年度は令和2年度です）。'],
    [
      '昭和64年度',
      'afterEraEnd',
      '昭和64年度は存在しません（昭和は昭和63年度まで。1989年度は平成元年度です）。',
    ],
    [
      '大正16年度',
      'afterEraEnd',
      '大正16年度は存在しません（大正は大正15年度まで。1927年度は昭和2年度です）。',
    ],
    [
      '明治46年度',
      'afterEraEnd',
      '明治46年度は存在しません（明治は明治45年度まで。1913年度は大正2年度です）。',
    ],
    ['明治元年度', 'unsupported', unsupportedReason],
    ['明治5年度', 'unsupported', unsupportedReason],
    ['1872', 'unsupported', unsupportedReason],
    ['9999', 'unsupported', '9998年度より後の年度には対応していません。'],
  ])('%j: %s', (input, code, reason) => {
    expect(parseFiscalYear(input)).toEqual({ ok: false, code, reason });
  });
});
