import { addCalendarDays } from './caseSearch.ts';
import { fiscalYearRange } from './fiscalYear.ts';

/**
 * Rules of 統計・実績 (the 年度 report set), without I/O: the period a request covers, the months of
 * a 年度, medians, and small-number suppression.
 *
 * Suppression: outside the coordinating section and the plan officer, any count from 1 to 4 is
 * shown as 「5未満」, so a figure cannot point at a person. A breakdown whose total is shown must
 * not let a hidden cell be worked out by subtraction (total − the shown cells), so when exactly one
 * cell of a breakdown is hidden, the smallest other non-zero cell is hidden too (secondary
 * suppression).
 */
export const SUPPRESSED = '5未満';
export type Count = number | typeof SUPPRESSED;

/** The smallest count shown as it is outside the coordinating section (1–4 are 「5未満」). */
export const SMALL_COUNT_THRESHOLD = 5;

export function isSmall(n: number): boolean {
  return n > 0 && n < SMALL_COUNT_THRESHOLD;
}

/** One count, hidden when small and suppression applies. */
export function shown(n: number, suppress: boolean): Count {
  return suppress && isSmall(n) ? SUPPRESSED : n;
}

/**
 * The cells of one breakdown, with primary suppression (1–4) and secondary suppression (when just
 * one cell would be hidden, the smallest other non-zero cell is hidden with it).
 */
export function shownCells(counts: readonly number[], suppress: boolean): Count[] {
  if (!suppress) return [...counts];
  const hidden = counts.map(isSmall);
  if (hidden.filter(Boolean).length === 1) {
    let smallest = -1;
    counts.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (smallest < 0 || n < (counts[smallest] ?? 0))) smallest = i;
    });
    if (smallest >= 0) hidden[smallest] = true;
  }
  return counts.map((n, i) => (hidden[i] ? SUPPRESSED : n));
}

/**
 * The median of some numbers given as value → how many times it occurs (the mean of the middle two
 * for an even count), rounded to one decimal, or null for none.
 */
export function median(counts: ReadonlyMap<number, number>): number | null {
  const entries = [...counts].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  // the value at a 0-based position of the sorted numbers
  const at = (position: number): number => {
    let seen = 0;
    for (const [value, n] of entries) {
      seen += n;
      if (position < seen) return value;
    }
    return entries[entries.length - 1]?.[0] ?? 0;
  };
  const mid = Math.floor(total / 2);
  const value = total % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return Math.round(value * 10) / 10;
}

/** The months of a 年度, 'YYYY-MM', April to March. */
export function fiscalMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((3 + i) % 12) + 1;
    const year = month >= 4 ? fiscalYear : fiscalYear + 1;
    return `${year}-${String(month).padStart(2, '0')}`;
  });
}

export interface StatisticsPeriod {
  fiscalYear: number;
  /** First day counted. */
  start: string;
  /** Last day counted. */
  end: string;
  /** The months counted, in order. */
  months: string[];
}

export type PeriodResult =
  | { ok: true; period: StatisticsPeriod }
  | { ok: false; field: 'from' | 'to'; reason: string };

/**
 * The period of a request: the whole 年度, or from month `from` to month `to` ('YYYY-MM') inside it.
 */
export function statisticsPeriod(fiscalYear: number, from?: string, to?: string): PeriodResult {
  const months = fiscalMonths(fiscalYear);
  const first = from ?? months[0] ?? '';
  const last = to ?? months[11] ?? '';
  if (!months.includes(first))
    return { ok: false, field: 'from', reason: '開始月はその年度の月にしてください' };
  if (!months.includes(last)) return { ok: false, field: 'to', reason: '終了月はその年度の月にしてください' };
  if (months.indexOf(first) > months.indexOf(last)) {
    return { ok: false, field: 'to', reason: '終了月は開始月と同じかそれより後にしてください' };
  }
  const range = fiscalYearRange(fiscalYear);
  const start = from ? `${first}-01` : range.start;
  const end = to ? lastDayOfMonth(last) : range.end;
  return {
    ok: true,
    period: { fiscalYear, start, end, months: months.slice(months.indexOf(first), months.indexOf(last) + 1) },
  };
}

export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return addCalendarDays(next, -1);
}

/** '2026-04' → '4月'. */
export function monthLabel(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}
