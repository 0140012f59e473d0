import { describe, expect, it } from 'vitest';
import { TERM_NOTICE_DAYS, termNoticeCutoff, termStanding } from '../../src/domain/councilTerms.ts';

describe('termStanding', () => {
  const today = '2026-12-02';
  it.each([
    // [termTo, status, daysLeft]
    [null, 'current', null],
    ['2027-03-31', 'current', 119],
    ['2027-03-03', 'current', 91],
    ['2027-03-02', 'endingSoon', 90],
    ['2026-12-03', 'endingSoon', 1],
    ['2026-12-02', 'endingSoon', 0], // the last day of the term is still in it
    ['2026-12-01', 'ended', -1],
    ['2026-03-31', 'ended', -246],
  ] as const)('term to %s → %s', (termTo, status, daysLeft) => {
    expect(termStanding(termTo, today)).toEqual({ status, daysLeft });
  });

  it('counts calendar days across a year end and a leap day', () => {
    expect(termStanding('2028-03-01', '2027-12-02')).toEqual({ status: 'endingSoon', daysLeft: 90 });
    expect(termStanding('2027-03-02', '2026-12-02')).toEqual({ status: 'endingSoon', daysLeft: 90 });
  });

  it('gives the SQL cutoff that agrees with the rule day by day', () => {
    expect(termNoticeCutoff(today)).toBe('2027-03-02');
    for (let offset = -3; offset <= TERM_NOTICE_DAYS + 3; offset++) {
      const termTo = new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const flagged = termStanding(termTo, today).status !== 'current';
      expect(flagged).toBe(termTo <= termNoticeCutoff(today));
    }
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => termStanding('2026-02-30', today)).toThrow(RangeError);
  });
});
