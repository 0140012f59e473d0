import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDaysBetween,
  daysBetween,
  holidayName,
  isBusinessDay,
  isHoliday,
  isYearEndClosure,
} from '../../src/domain/businessDays.ts';
import { everyDay } from '../support/calendarDays.ts';

describe('isHoliday and holidayName', () => {
  it.each([
    ['2024-01-01', '元日'],
    ['2024-01-08', '成人の日'],
    ['2024-02-12', '建国記念の日 振替休日'],
    ['2024-04-29', '昭和の日'],
    ['2024-05-03', '憲法記念日'],
    ['2024-05-04', 'みどりの日'],
    ['2024-05-05', 'こどもの日'],
    ['2024-05-06', 'こどもの日 振替休日'],
    ['2019-04-30', '休日'],
    ['2019-05-01', '休日（祝日扱い）'],
    ['2019-05-02', '休日'],
    ['2020-07-24', 'スポーツの日'],
    ['2024-11-23', '勤労感謝の日'],
  ])('%s is a national holiday (%s)', (date, name) => {
    expect(isHoliday(date)).toBe(true);
    expect(holidayName(date)).toBe(name);
  });

  it.each([
    ['2024-01-02'],
    ['2024-01-26'],
    ['2024-05-02'],
    ['2024-05-07'],
    ['2024-12-29'],
    ['2024-12-31'],
    ['2024-04-27'],
  ])('%s is not a national holiday', (date) => {
    expect(isHoliday(date)).toBe(false);
    expect(holidayName(date)).toBeUndefined();
  });
});

describe('isYearEndClosure', () => {
  it.each([
    ['2024-12-28', false],
    ['2024-12-29', true],
    ['2024-12-30', true],
    ['2024-12-31', true],
    ['2025-01-01', true],
    ['2025-01-02', true],
    ['2025-01-03', true],
    ['2025-01-04', false],
    ['2024-06-15', false],
  ])('%s → %s', (date, expected) => {
    expect(isYearEndClosure(date)).toBe(expected);
  });
});

describe('isBusinessDay', () => {
  it.each([
    // An ordinary week
    ['2024-01-22', true], // Mon
    ['2024-01-26', true], // Fri
    ['2024-01-27', false], // Sat
    ['2024-01-28', false], // Sun
    // Golden Week 2024
    ['2024-04-26', true], // Fri
    ['2024-04-27', false], // Sat
    ['2024-04-28', false], // Sun
    ['2024-04-29', false], // Mon, 昭和の日
    ['2024-04-30', true], // Tue
    ['2024-05-01', true], // Wed
    ['2024-05-02', true], // Thu
    ['2024-05-03', false], // Fri, 憲法記念日
    ['2024-05-04', false], // Sat, みどりの日
    ['2024-05-05', false], // Sun, こどもの日
    ['2024-05-06', false], // Mon, 振替休日
    ['2024-05-07', true], // Tue
    // Golden Week 2019: ten days closed around the enthronement
    ['2019-04-26', true],
    ['2019-04-30', false],
    ['2019-05-01', false],
    ['2019-05-02', false],
    ['2019-05-07', true],
    // 年末年始 2024–2025: weekdays 12/30, 12/31, 1/2 and 1/3 are closed too
    ['2024-12-27', true], // Fri
    ['2024-12-28', false], // Sat
    ['2024-12-29', false], // Sun
    ['2024-12-30', false], // Mon
    ['2024-12-31', false], // Tue
    ['2025-01-01', false], // Wed, 元日
    ['2025-01-02', false], // Thu
    ['2025-01-03', false], // Fri
    ['2025-01-04', false], // Sat
    ['2025-01-06', true], // Mon
    // 年末年始 2025–2026: 12/29 is a Monday
    ['2025-12-26', true],
    ['2025-12-29', false],
    ['2026-01-05', true],
    // A national holiday on a weekday outside Golden Week
    ['2024-02-12', false], // 振替休日
    ['2024-02-13', true],
  ])('%s → %s', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });

  it('opens on exactly the three weekdays between the holidays of Golden Week 2024', () => {
    const open = everyDay('2024-04-27', '2024-05-06').filter(isBusinessDay);
    expect(open).toEqual(['2024-04-30', '2024-05-01', '2024-05-02']);
  });

  it('is closed for all of 2019-04-27 … 2019-05-06', () => {
    expect(everyDay('2019-04-27', '2019-05-06').filter(isBusinessDay)).toEqual([]);
  });

  it('has 244 business days in 2024: 366 − 104 weekend days − 14 weekday holidays − 4 weekdays of 年末年始', () => {
    expect(everyDay('2024-01-01', '2024-12-31').filter(isBusinessDay)).toHaveLength(244);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['2024-01-22', 1, '2024-01-23'],
    ['2024-01-26', 1, '2024-01-29'], // Fri → Mon
    ['2024-01-26', 5, '2024-02-02'],
    ['2024-01-27', 1, '2024-01-29'], // from a Saturday
    ['2024-04-26', 1, '2024-04-30'], // over 昭和の日
    ['2024-04-26', 2, '2024-05-01'],
    ['2024-05-02', 1, '2024-05-07'], // over Golden Week
    ['2024-04-26', 4, '2024-05-07'],
    ['2024-04-26', 10, '2024-05-15'],
    ['2024-12-27', 1, '2025-01-06'], // over 年末年始
    ['2024-12-30', 1, '2025-01-06'],
    ['2019-04-26', 1, '2019-05-07'],
    ['2024-01-26', 0, '2024-01-26'],
    ['2024-04-27', 0, '2024-04-27'], // n = 0 on a closed day stays put
    ['2024-01-29', -1, '2024-01-26'], // Mon → Fri
    ['2024-05-07', -1, '2024-05-02'],
    ['2025-01-06', -1, '2024-12-27'],
    ['2024-04-30', -1, '2024-04-26'],
    ['2024-04-28', -1, '2024-04-26'], // from a Sunday
    ['2024-05-15', -10, '2024-04-26'],
    ['2024-05-14', -10, '2024-04-25'],
    ['2024-03-29', 1, '2024-04-01'], // across a fiscal year
    ['2024-02-28', 1, '2024-02-29'], // leap day is a Thursday
  ])('%s + %i → %s', (date, n, expected) => {
    expect(addBusinessDays(date, n)).toBe(expected);
  });

  it('always lands on a business day when n ≠ 0', () => {
    for (const date of everyDay('2024-04-20', '2025-01-10')) {
      for (const n of [1, 2, 3, -1, -2, -3]) {
        expect(isBusinessDay(addBusinessDays(date, n)), `${date} ${n}`).toBe(true);
      }
    }
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('throws RangeError for n = %d', (n) => {
    expect(() => addBusinessDays('2024-01-26', n)).toThrow(RangeError);
  });
});

describe('businessDaysBetween', () => {
  it.each([
    ['2024-01-26', '2024-01-26', 0],
    ['2024-01-26', '2024-01-29', 1], // Fri → Mon
    ['2024-01-27', '2024-01-28', 0], // weekend only
    ['2024-01-22', '2024-01-29', 5],
    ['2024-04-26', '2024-05-07', 4], // Golden Week
    ['2024-04-01', '2024-04-30', 20],
    ['2024-12-27', '2025-01-06', 1], // 年末年始
    ['2024-01-01', '2024-12-31', 244],
    ['2024-01-29', '2024-01-26', -1],
    ['2024-05-07', '2024-04-26', -4],
    ['2025-01-06', '2024-12-27', -1],
  ])('%s → %s = %i', (from, to, expected) => {
    expect(businessDaysBetween(from, to)).toBe(expected);
  });

  it('inverts addBusinessDays for every day of 2024 and n in −15…15', () => {
    for (const date of everyDay('2024-01-01', '2024-12-31')) {
      for (let n = -15; n <= 15; n += 1) {
        expect(businessDaysBetween(date, addBusinessDays(date, n)), `${date} ${n}`).toBe(n);
      }
    }
  });
});

describe('daysBetween', () => {
  it.each([
    ['2024-01-26', '2024-01-26', 0],
    ['2024-01-26', '2024-01-27', 1],
    ['2024-01-27', '2024-01-26', -1],
    ['2024-02-28', '2024-03-01', 2], // leap year
    ['2023-02-28', '2023-03-01', 1],
    ['2024-01-01', '2024-12-31', 365],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-03-31', '2024-04-01', 1],
    ['1989-01-07', '2019-05-01', 11_071],
    ['2019-05-01', '1989-01-07', -11_071],
  ])('%s → %s = %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('invalid dates', () => {
  const functions: [string, (date: string) => unknown][] = [
    ['isHoliday', isHoliday],
    ['holidayName', holidayName],
    ['isYearEndClosure', isYearEndClosure],
    ['isBusinessDay', isBusinessDay],
    ['addBusinessDays', (date) => addBusinessDays(date, 1)],
    ['businessDaysBetween (from)', (date) => businessDaysBetween(date, '2024-01-26')],
    ['businessDaysBetween (to)', (date) => businessDaysBetween('2024-01-26', date)],
    ['daysBetween (from)', (date) => daysBetween(date, '2024-01-26')],
    ['daysBetween (to)', (date) => daysBetween('2024-01-26', date)],
  ];
  const invalid = ['2024-02-30', '2023-02-29', '2024-13-01', '2024-1-26', '2024/01/26', '', 'R6.1.26'];

  it.each(functions)('%s throws RangeError for each invalid date', (_name, fn) => {
    for (const date of invalid) {
      expect(() => fn(date), date).toThrow(RangeError);
    }
  });
});
