import { describe, expect, it } from 'vitest';
import { fiscalYearOf, formatDate, formatDateTime, formatFiscalYear } from './wareki.ts';

describe('wareki display', () => {
  it('shows 和暦 with 西暦 beside it, in Japan time', () => {
    expect(formatDate('2026-04-01T00:00:00+09:00', 'ja')).toBe('令和8年4月1日〔2026年〕');
    // 15:30 UTC on 31 March is already 1 April in Japan.
    expect(formatDate('2026-03-31T15:30:00Z', 'ja')).toBe('令和8年4月1日〔2026年〕');
    expect(formatDate('2019-05-01T09:00:00+09:00', 'ja', { withWeekday: true })).toBe(
      '令和元年5月1日(水)〔2019年〕',
    );
    expect(formatDate('2019-04-30T09:00:00+09:00', 'ja')).toBe('平成31年4月30日〔2019年〕');
    expect(formatDate('2026-04-01T00:00:00+09:00', 'en')).toBe('1 Apr 2026');
  });

  it('shows a moment with the time of day', () => {
    expect(formatDateTime('2026-04-01T00:05:00Z', 'ja')).toBe('令和8年4月1日 9:05');
    expect(formatDateTime('2026-04-01T00:05:00Z', 'en')).toBe('1 Apr 2026, 9:05');
  });

  it('computes the 年度 from April to March', () => {
    expect(fiscalYearOf('2026-03-31T12:00:00+09:00')).toBe(2025);
    expect(fiscalYearOf('2026-04-01T00:00:00+09:00')).toBe(2026);
    expect(fiscalYearOf(new Date('2026-03-31T15:00:00Z'))).toBe(2026);
    expect(formatFiscalYear(2026, 'ja')).toBe('令和8年度〔2026年度〕');
    expect(formatFiscalYear(2019, 'ja')).toBe('令和元年度〔2019年度〕');
    expect(formatFiscalYear(2026, 'en')).toBe('FY2026 (April 2026 – March 2027)');
  });

  it('shows nothing rather than failing for an invalid date', () => {
    expect(formatDate('not a date', 'ja')).toBe('');
    expect(formatDateTime('not a date', 'en')).toBe('');
  });
});
