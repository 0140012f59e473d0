import { describe, expect, it } from 'vitest';
import { statisticsQuery } from './get-statistics.ts';

describe('statisticsQuery', () => {
  it('asks for the whole 年度 or for the months picked, the same for the figures and the downloads', () => {
    expect(statisticsQuery({ fiscalYear: 2026 }).toString()).toBe('fiscalYear=2026');
    expect(statisticsQuery({ fiscalYear: 2026, from: '2026-04', to: '2026-06' }).toString()).toBe(
      'fiscalYear=2026&from=2026-04&to=2026-06',
    );
    expect(statisticsQuery({ fiscalYear: 2026, to: '2027-03' }).toString()).toBe(
      'fiscalYear=2026&to=2027-03',
    );
  });
});
