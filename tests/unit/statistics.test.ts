import { describe, expect, it } from 'vitest';
import {
  fiscalMonths,
  median,
  monthLabel,
  SUPPRESSED,
  shown,
  shownCells,
  statisticsPeriod,
} from '../../src/domain/statistics.ts';

describe('small-number suppression', () => {
  it('hides 1–4 only when suppression applies; 0 and 5+ are shown', () => {
    expect([0, 1, 4, 5, 12].map((n) => shown(n, true))).toEqual([0, SUPPRESSED, SUPPRESSED, 5, 12]);
    expect([0, 1, 4, 5].map((n) => shown(n, false))).toEqual([0, 1, 4, 5]);
  });

  it('hides a second cell when only one would be hidden, so the total cannot reveal it', () => {
    expect(shownCells([10, 3, 7, 0], true)).toEqual([10, SUPPRESSED, SUPPRESSED, 0]);
    expect(shownCells([10, 3, 2, 0], true)).toEqual([10, SUPPRESSED, SUPPRESSED, 0]);
    expect(shownCells([10, 8, 0], true)).toEqual([10, 8, 0]);
    expect(shownCells([3], true)).toEqual([SUPPRESSED]);
    expect(shownCells([10, 3, 7], false)).toEqual([10, 3, 7]);
  });
});

describe('periods and months', () => {
  it('lists the months of a 年度 from April to March', () => {
    expect(fiscalMonths(2025)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(monthLabel('2026-01')).toBe('1月');
  });

  it('covers the whole 年度 or a month range inside it, and refuses a range outside or reversed', () => {
    expect(statisticsPeriod(2025)).toMatchObject({
      ok: true,
      period: { start: '2025-04-01', end: '2026-03-31' },
    });
    const part = statisticsPeriod(2025, '2025-10', '2026-02');
    expect(part).toMatchObject({ ok: true, period: { start: '2025-10-01', end: '2026-02-28' } });
    if (part.ok) expect(part.period.months).toHaveLength(5);
    expect(statisticsPeriod(2025, '2026-04')).toMatchObject({ ok: false, field: 'from' });
    expect(statisticsPeriod(2025, '2025-12', '2025-05')).toMatchObject({ ok: false, field: 'to' });
  });

  it('takes the median, the mean of the middle two for an even count', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
