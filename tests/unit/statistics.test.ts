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

  it('takes the median of counted values, the mean of the middle two for an even count', () => {
    const counted = (values: number[]) => {
      const counts = new Map<number, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      return counts;
    };
    expect(median(new Map())).toBeNull();
    expect(median(new Map([[4, 0]]))).toBeNull();
    expect(median(counted([5, 1, 3]))).toBe(3);
    expect(median(counted([1, 2, 3, 10]))).toBe(2.5);
    expect(median(new Map([[7, 50_000]]))).toBe(7);
    // the middle two in different values, a value counted zero times, keys in any order
    expect(
      median(
        new Map([
          [9, 2],
          [0, 2],
          [3, 0],
        ]),
      ),
    ).toBe(4.5);
    expect(
      median(
        new Map([
          [2, 1],
          [1, 2],
        ]),
      ),
    ).toBe(1);
    // against the median of the numbers written out, for every multiset of up to six values of 0..4
    const naive = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const value =
        sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
      return Math.round(value * 10) / 10;
    };
    const multisets = (size: number, from: number): number[][] =>
      size === 0
        ? [[]]
        : [0, 1, 2, 3, 4]
            .filter((v) => v >= from)
            .flatMap((v) => multisets(size - 1, v).map((rest) => [v, ...rest]));
    for (let size = 1; size <= 6; size += 1)
      for (const values of multisets(size, 0))
        expect(median(counted(values)), values.join(',')).toBe(naive(values));
  });
});
