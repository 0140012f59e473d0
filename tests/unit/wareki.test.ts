import { describe, expect, it } from 'vitest';
import {
  eras,
  firstSupportedDate,
  formatDateWithWareki,
  formatWareki,
  parseWareki,
  toIsoDate,
  toWareki,
} from '../../src/domain/wareki.ts';
import { everyNthDay, shiftDays } from '../support/calendarDays.ts';

describe('eras', () => {
  it('lists the five modern eras, oldest first, with their initials and first days', () => {
    expect(eras.map((era) => [era.name, era.abbreviation, era.start])).toEqual([
      ['明治', 'M', '1868-10-23'],
      ['大正', 'T', '1912-07-30'],
      ['昭和', 'S', '1926-12-25'],
      ['平成', 'H', '1989-01-08'],
      ['令和', 'R', '2019-05-01'],
    ]);
  });

  it('supports dates from the adoption of the Gregorian calendar', () => {
    expect(firstSupportedDate).toBe('1873-01-01');
    expect(formatWareki(firstSupportedDate)).toBe('明治6年1月1日');
  });
});

describe('formatWareki, long style', () => {
  it.each([
    // 明治
    ['1873-01-01', '明治6年1月1日'],
    ['1900-01-01', '明治33年1月1日'],
    // 明治 → 大正
    ['1912-07-29', '明治45年7月29日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1912-12-31', '大正元年12月31日'],
    ['1913-01-01', '大正2年1月1日'],
    // 大正 → 昭和
    ['1926-12-24', '大正15年12月24日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1926-12-31', '昭和元年12月31日'],
    ['1927-01-01', '昭和2年1月1日'],
    // 昭和 → 平成
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-12-31', '平成元年12月31日'],
    ['1990-01-01', '平成2年1月1日'],
    // 平成 → 令和
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-12-31', '令和元年12月31日'],
    ['2020-01-01', '令和2年1月1日'],
    // ordinary and leap days
    ['2024-01-26', '令和6年1月26日'],
    ['2024-02-29', '令和6年2月29日'],
    ['2000-02-29', '平成12年2月29日'],
    ['1945-08-15', '昭和20年8月15日'],
    ['2100-12-31', '令和82年12月31日'],
  ])('%s → %s', (date, expected) => {
    expect(formatWareki(date)).toBe(expected);
    expect(formatWareki(date, { style: 'long' })).toBe(expected);
  });
});

describe('formatWareki, short and numeric styles', () => {
  it.each([
    ['2024-01-26', 'R6.1.26', 'R06.01.26'],
    ['2019-05-01', 'R1.5.1', 'R01.05.01'],
    ['2019-04-30', 'H31.4.30', 'H31.04.30'],
    ['1989-01-08', 'H1.1.8', 'H01.01.08'],
    ['1989-01-07', 'S64.1.7', 'S64.01.07'],
    ['1926-12-25', 'S1.12.25', 'S01.12.25'],
    ['1926-12-24', 'T15.12.24', 'T15.12.24'],
    ['1912-07-30', 'T1.7.30', 'T01.07.30'],
    ['1912-07-29', 'M45.7.29', 'M45.07.29'],
    ['1873-01-01', 'M6.1.1', 'M06.01.01'],
    ['2118-12-31', 'R100.12.31', 'R100.12.31'],
  ])('%s → %s / %s', (date, short, numeric) => {
    expect(formatWareki(date, { style: 'short' })).toBe(short);
    expect(formatWareki(date, { style: 'numeric' })).toBe(numeric);
  });
});

describe('formatWareki with the weekday', () => {
  it.each([
    ['2024-01-26', 'long', '令和6年1月26日(金)'],
    ['2024-01-26', 'short', 'R6.1.26(金)'],
    ['2024-01-26', 'numeric', 'R06.01.26(金)'],
    ['1989-01-07', 'long', '昭和64年1月7日(土)'],
    ['1989-01-08', 'long', '平成元年1月8日(日)'],
    ['2019-04-30', 'long', '平成31年4月30日(火)'],
    ['2019-05-01', 'long', '令和元年5月1日(水)'],
    ['1912-07-30', 'long', '大正元年7月30日(火)'],
    ['1926-12-25', 'long', '昭和元年12月25日(土)'],
    ['2024-04-29', 'long', '令和6年4月29日(月)'],
  ] as const)('%s (%s) → %s', (date, style, expected) => {
    expect(formatWareki(date, { style, withWeekday: true })).toBe(expected);
  });

  it('cycles through all seven weekdays in order', () => {
    const week = everyNthDay('2024-01-21', '2024-01-27', 1).map((date) =>
      formatWareki(date, { withWeekday: true }).slice(-3),
    );
    expect(week).toEqual(['(日)', '(月)', '(火)', '(水)', '(木)', '(金)', '(土)']);
  });

  it('leaves the weekday out unless asked', () => {
    expect(formatWareki('2024-01-26', { withWeekday: false })).toBe('令和6年1月26日');
  });
});

describe('formatWareki on instants, read in Asia/Tokyo', () => {
  it.each([
    [new Date('2024-01-25T15:00:00Z'), '令和6年1月26日'],
    [new Date('2024-01-25T14:59:59.999Z'), '令和6年1月25日'],
    [new Date('2019-04-30T14:59:59Z'), '平成31年4月30日'],
    [new Date('2019-04-30T15:00:00Z'), '令和元年5月1日'],
    [new Date('1989-01-07T14:59:59Z'), '昭和64年1月7日'],
    [new Date('1989-01-07T15:00:00Z'), '平成元年1月8日'],
    [new Date('2024-01-26T09:00:00+09:00'), '令和6年1月26日'],
    // Japan kept daylight saving time in 1948–1951: 14:30 UTC was 00:30 JDT (UTC+10) the next day.
    [new Date('1949-06-30T14:30:00Z'), '昭和24年7月1日'],
  ])('%o → %s', (date, expected) => {
    expect(formatWareki(date)).toBe(expected);
  });

  it.each([
    ['2019-04-30T15:00:00Z', '令和元年5月1日'],
    ['2019-04-30T23:59:59+09:00', '平成31年4月30日'],
    ['2024-01-25T15:00:00.000Z', '令和6年1月26日'],
    ['2024-01-26T00:30+01:00', '令和6年1月26日'],
  ])('instant string %s → %s', (instant, expected) => {
    expect(formatWareki(instant)).toBe(expected);
  });

  it('takes a date-only string as a calendar date, whatever the time zone', () => {
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(toIsoDate('2019-05-01')).toBe('2019-05-01');
  });
});

describe('formatWareki refuses what it cannot show', () => {
  it.each([
    ['2024-02-30'],
    ['2023-02-29'],
    ['2024-13-01'],
    ['2024-00-10'],
    ['2024-01-00'],
    ['2024-1-26'],
    ['2024/01/26'],
    ['令和6年1月26日'],
    [''],
    ['2024-01-26T10:00:00'],
    ['1872-12-31'],
    ['1868-10-23'],
  ])('%j throws RangeError', (input) => {
    expect(() => formatWareki(input)).toThrow(RangeError);
  });

  it('throws RangeError for an invalid Date and one before 1873', () => {
    expect(() => formatWareki(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatWareki(new Date('1872-12-31T12:00:00+09:00'))).toThrow(RangeError);
  });
});

describe('formatDateWithWareki', () => {
  it.each([
    ['2024-01-26', '令和6年1月26日〔2024年〕'],
    ['2019-05-01', '令和元年5月1日〔2019年〕'],
    ['2019-04-30', '平成31年4月30日〔2019年〕'],
    ['1989-01-07', '昭和64年1月7日〔1989年〕'],
    ['1989-01-08', '平成元年1月8日〔1989年〕'],
    ['1873-01-01', '明治6年1月1日〔1873年〕'],
  ])('%s → %s', (date, expected) => {
    expect(formatDateWithWareki(date)).toBe(expected);
  });

  it('reads a Date in Asia/Tokyo', () => {
    expect(formatDateWithWareki(new Date('2019-04-30T15:00:00Z'))).toBe('令和元年5月1日〔2019年〕');
  });
});

describe('toWareki', () => {
  it.each([
    ['2024-01-26', { era: '令和', year: 6, month: 1, day: 26 }],
    ['2019-05-01', { era: '令和', year: 1, month: 5, day: 1 }],
    ['2019-04-30', { era: '平成', year: 31, month: 4, day: 30 }],
    ['1989-01-07', { era: '昭和', year: 64, month: 1, day: 7 }],
    ['1912-07-29', { era: '明治', year: 45, month: 7, day: 29 }],
  ])('%s → %o', (date, expected) => {
    expect(toWareki(date)).toEqual(expected);
  });
});

describe('agreement with Intl ja-JP-u-ca-japanese', () => {
  const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'Asia/Tokyo',
  });
  const dates = [
    ...everyNthDay('1873-01-01', '2030-12-31', 37),
    ...eras.slice(1).flatMap((era) => [-2, -1, 0, 1, 2].map((offset) => shiftDays(era.start, offset))),
  ];

  it('gives the same era, year, month and day for every 37th day from 1873 to 2030 and around each change', () => {
    expect(dates.length).toBeGreaterThan(1500);
    for (const date of dates) {
      const expected = intl.format(new Date(`${date}T12:00:00+09:00`)).replace(/^(\D+)1年/, '$1元年');
      expect(formatWareki(date), date).toBe(expected);
    }
  });
});

describe('parseWareki accepts', () => {
  it.each([
    ['令和6年1月26日', '2024-01-26'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['平成1年1月8日', '1989-01-08'],
    ['平成元年1月8日', '1989-01-08'],
    ['平成31年4月30日', '2019-04-30'],
    ['昭和64年1月7日', '1989-01-07'],
    ['昭和元年12月25日', '1926-12-25'],
    ['大正元年7月30日', '1912-07-30'],
    ['大正15年12月24日', '1926-12-24'],
    ['明治45年7月29日', '1912-07-29'],
    ['明治6年1月1日', '1873-01-01'],
    ['R6.1.26', '2024-01-26'],
    ['R06/01/26', '2024-01-26'],
    ['R06.01.26', '2024-01-26'],
    ['r6-1-26', '2024-01-26'],
    ['R元.5.1', '2019-05-01'],
    ['R1.5.1', '2019-05-01'],
    ['H31.4.30', '2019-04-30'],
    ['H1.1.8', '1989-01-08'],
    ['S64.1.7', '1989-01-07'],
    ['S1.12.25', '1926-12-25'],
    ['T1.7.30', '1912-07-30'],
    ['T15.12.24', '1926-12-24'],
    ['M45.7.29', '1912-07-29'],
    ['M6.1.1', '1873-01-01'],
    ['R6年1月26日', '2024-01-26'],
    ['令和6年1月26', '2024-01-26'],
    ['令和６年１月２６日', '2024-01-26'],
    ['Ｒ６．１．２６', '2024-01-26'],
    ['Ｈ３１／４／３０', '2019-04-30'],
    ['令和 6年 1月 26日', '2024-01-26'],
    ['　令和6年1月26日　', '2024-01-26'],
    ['㋿6年1月26日', '2024-01-26'],
    ['㍻31年4月30日', '2019-04-30'],
    ['㍼64年1月7日', '1989-01-07'],
    ['令和6年2月29日', '2024-02-29'],
    ['2024-01-26', '2024-01-26'],
    ['2024/1/26', '2024-01-26'],
    ['2024.1.26', '2024-01-26'],
    ['2024年1月26日', '2024-01-26'],
    ['２０２４－０１－２６', '2024-01-26'],
    ['20240126', '2024-01-26'],
    ['1873-01-01', '1873-01-01'],
    ['2000/2/29', '2000-02-29'],
  ])('%j → %s', (input, expected) => {
    expect(parseWareki(input)).toEqual({ ok: true, date: expected });
  });
});

describe('parseWareki refuses', () => {
  it.each([
    ['', 'empty', '日付を入力してください。'],
    ['   ', 'empty', '日付を入力してください。'],
    ['あした', 'format', '日付の形式が正しくありません（例: 令和6年1月26日、R6.1.26、2024-01-26）。'],
    ['令和6年1月', 'format', '日付の形式が正しくありません（例: 令和6年1月26日、R6.1.26、2024-01-26）。'],
    ['X6.1.26', 'format', '日付の形式が正しくありません（例: 令和6年1月26日、R6.1.26、2024-01-26）。'],
    ['慶応3年1月1日', 'format', '日付の形式が正しくありません（例: 令和6年1月26日、R6.1.26、2024-01-26）。'],
    ['24-01-26', 'format', '日付の形式が正しくありません（例: 令和6年1月26日、R6.1.26、2024-01-26）。'],
    [
      '2024-01-26T00:00',
      'format',
      '日付の形式が正しくありません（例: 令和6年1月26日、R6.1.26、2024-01-26）。',
    ],
    ['令和0年5月1日', 'year', '和暦の年は1以上（1年は「元年」）で入力してください。'],
    ['令和6年13月1日', 'month', '月は1から12までで入力してください。'],
    ['令和6年0月1日', 'month', '月は1から12までで入力してください。'],
    ['2024-13-01', 'month', '月は1から12までで入力してください。'],
    ['令和6年1月32日', 'day', '日は1から31までで入力してください。'],
    ['令和6年1月0日', 'day', '日は1から31までで入力してください。'],
    ['令和6年2月30日', 'day', '令和6年2月は29日までです。'],
    ['令和5年2月29日', 'day', '令和5年2月は28日までです。'],
    ['平成31年2月29日', 'day', '平成31年2月は28日までです。'],
    ['令和元年6月31日', 'day', '令和元年6月は30日までです。'],
    ['R6.4.31', 'day', '令和6年4月は30日までです。'],
    ['2024/2/30', 'day', '2024年2月は29日までです。'],
    ['2023-02-29', 'day', '2023年2月は28日までです。'],
    ['1900-02-29', 'day', '1900年2月は28日までです。'],
    [
      '平成31年5月1日',
      'afterEraEnd',
      '平成31年5月1日は存在しません（平成は2019年4月30日まで。2019年5月1日は令和元年5月1日です）。',
    ],
    [
      'H31.5.1',
      'afterEraEnd',
      '平成31年5月1日は存在しません（平成は2019年4月30日まで。2019年5月1日は令和元年5月1日です）。',
    ],
    [
      '平成32年1月1日',
      'afterEraEnd',
      '平成32年1月1日は存在しません（平成は2019年4月30日まで。2020年1月1日は令和2年1月1日です）。',
    ],
    [
      '昭和64年1月8日',
      'afterEraEnd',
      '昭和64年1月8日は存在しません（昭和は1989年1月7日まで。1989年1月8日は平成元年1月8日です）。',
    ],
    [
      '昭和65年1月1日',
      'afterEraEnd',
      '昭和65年1月1日は存在しません（昭和は1989年1月7日まで。1990年1月1日は平成2年1月1日です）。',
    ],
    [
      '大正15年12月25日',
      'afterEraEnd',
      '大正15年12月25日は存在しません（大正は1926年12月24日まで。1926年12月25日は昭和元年12月25日です）。',
    ],
    [
      '明治45年7月30日',
      'afterEraEnd',
      '明治45年7月30日は存在しません（明治は1912年7月29日まで。1912年7月30日は大正元年7月30日です）。',
    ],
    [
      '令和元年4月30日',
      'beforeEraStart',
      '令和元年4月30日は存在しません（令和は2019年5月1日から。2019年4月30日は平成31年4月30日です）。',
    ],
    [
      'R1.1.1',
      'beforeEraStart',
      '令和元年1月1日は存在しません（令和は2019年5月1日から。2019年1月1日は平成31年1月1日です）。',
    ],
    [
      '平成元年1月7日',
      'beforeEraStart',
      '平成元年1月7日は存在しません（平成は1989年1月8日から。1989年1月7日は昭和64年1月7日です）。',
    ],
    [
      '昭和元年12月24日',
      'beforeEraStart',
      '昭和元年12月24日は存在しません（昭和は1926年12月25日から。1926年12月24日は大正15年12月24日です）。',
    ],
    [
      '大正元年7月29日',
      'beforeEraStart',
      '大正元年7月29日は存在しません（大正は1912年7月30日から。1912年7月29日は明治45年7月29日です）。',
    ],
    ['明治元年10月23日', 'unsupported', '明治6年（1873年）1月1日より前の日付には対応していません。'],
    ['明治5年12月31日', 'unsupported', '明治6年（1873年）1月1日より前の日付には対応していません。'],
    ['M5.12.2', 'unsupported', '明治6年（1873年）1月1日より前の日付には対応していません。'],
    ['1872-12-31', 'unsupported', '明治6年（1873年）1月1日より前の日付には対応していません。'],
    ['0001-01-01', 'unsupported', '明治6年（1873年）1月1日より前の日付には対応していません。'],
  ])('%j: %s', (input, code, reason) => {
    expect(parseWareki(input)).toEqual({ ok: false, code, reason });
  });
});

describe('parseWareki round-trips formatWareki', () => {
  const dates = everyNthDay('1900-01-01', '2030-12-31', 37);
  const nearChanges = eras
    .slice(1)
    .flatMap((era) => [-3, -2, -1, 0, 1, 2, 3].map((offset) => shiftDays(era.start, offset)));

  it.each(['long', 'short', 'numeric'] as const)('in %s style for every 37th day 1900–2030', (style) => {
    expect(dates.length).toBeGreaterThan(1200);
    for (const date of [...dates, ...nearChanges]) {
      expect(parseWareki(formatWareki(date, { style })), date).toEqual({ ok: true, date });
    }
  });

  it('with full-width digits and the Gregorian date', () => {
    for (const date of dates) {
      const fullWidth = formatWareki(date).replace(/\d/g, (digit) =>
        String.fromCodePoint(digit.charCodeAt(0) + 0xfee0),
      );
      expect(parseWareki(fullWidth), date).toEqual({ ok: true, date });
      expect(parseWareki(date), date).toEqual({ ok: true, date });
    }
  });
});
