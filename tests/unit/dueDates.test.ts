import { describe, expect, it } from 'vitest';
import { addBusinessDays, isBusinessDay } from '../../src/domain/businessDays.ts';
import {
  addCalendarDays,
  dueByCutoff,
  dueDateOf,
  dueStatus,
  isMoved,
  isOverdue,
  overdueCutoff,
  REPORT_INTERVAL_DAYS,
  reportBaseCutoff,
  reportDueDate,
  reportStatus,
} from '../../src/domain/dueDates.ts';
import { everyDay } from '../support/calendarDays.ts';

describe('dueDateOf: the effective due date', () => {
  it.each([
    // a business day stays
    ['2026-11-27', '2026-11-27'], // Fri
    ['2026-11-30', '2026-11-30'], // Mon
    // a weekend moves back to Friday (the case: 11/28 Sat → 11/27 Fri)
    ['2026-11-28', '2026-11-27'],
    ['2026-11-29', '2026-11-27'],
    // a national holiday, and a holiday Monday after a weekend
    ['2026-11-23', '2026-11-20'], // 勤労感謝の日 (Mon)
    ['2025-11-03', '2025-10-31'], // 文化の日 (Mon)
    // Golden Week: 憲法記念日 (Sun) … 振替休日 (Wed 5/6) go back to Fri 5/1
    ['2026-05-06', '2026-05-01'],
    // 年末年始 12/29–1/3 and the weekend before
    ['2026-12-29', '2026-12-28'],
    ['2027-01-03', '2026-12-28'],
    ['2027-01-01', '2026-12-28'],
    ['2025-12-29', '2025-12-26'],
  ])('%s is due on %s', (nominal, effective) => {
    expect(dueDateOf(nominal)).toEqual({ nominalOn: nominal, dueOn: effective });
    expect(isMoved(dueDateOf(nominal))).toBe(nominal !== effective);
  });

  it('over every day of two years: due on a business day, never after the nominal date, and only closed days move', () => {
    for (const day of everyDay('2025-01-01', '2026-12-31')) {
      const { nominalOn, dueOn } = dueDateOf(day);
      expect(nominalOn).toBe(day);
      expect(isBusinessDay(dueOn)).toBe(true);
      expect(dueOn <= day).toBe(true);
      if (isBusinessDay(day)) expect(dueOn).toBe(day);
      else {
        expect(dueOn).toBe(addBusinessDays(day, -1));
        // no business day lies between the effective and the nominal date
        expect(addBusinessDays(dueOn, 1) > day).toBe(true);
      }
    }
  });

  it('refuses what is not a calendar date', () => {
    expect(() => dueDateOf('2026-02-30')).toThrow(RangeError);
    expect(() => dueDateOf('2026/11/28')).toThrow(RangeError);
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2026-11-01', 30, '2026-12-01'],
    ['2026-01-31', 30, '2026-03-02'],
    ['2028-02-28', 1, '2028-02-29'], // leap year
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-01', 0, '2026-03-01'],
  ])('%s + %i = %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it('refuses a non-integer number of days and a bad date', () => {
    expect(() => addCalendarDays('2026-03-01', 1.5)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-13-01', 1)).toThrow(RangeError);
  });
});

describe('reportDueDate: a plan item’s next report', () => {
  it('is first due 30 days after the start, not on the start', () => {
    expect(REPORT_INTERVAL_DAYS).toBe(30);
    expect(reportDueDate({ startedOn: '2026-11-01', lastReportedOn: null })).toEqual({
      nominalOn: '2026-12-01',
      dueOn: '2026-12-01',
    });
  });

  it('is then due 30 days after the last report, moved back over a weekend', () => {
    // 2026-01-09 + 30 = Sun 2026-02-08 → Fri 2026-02-06
    expect(reportDueDate({ startedOn: '2025-04-01', lastReportedOn: '2026-01-09' })).toEqual({
      nominalOn: '2026-02-08',
      dueOn: '2026-02-06',
    });
  });

  it('moves back over a holiday: started Sat 2025-10-04 → 文化の日 Mon 2025-11-03 → Fri 2025-10-31', () => {
    expect(reportDueDate({ startedOn: '2025-10-04', lastReportedOn: null })).toEqual({
      nominalOn: '2025-11-03',
      dueOn: '2025-10-31',
    });
  });
});

describe('reportStatus: whether a report is needed today', () => {
  const item = { startedOn: '2026-10-23', endsOn: null, lastReportedOn: null };

  it('an item never reported on is not due before its first due date, and is overdue from it', () => {
    // the item: started 40 days ago, never reported → overdue 10 days, not 40
    const today = '2026-12-02';
    const { due, needed } = reportStatus(item, today);
    expect(due).toEqual({ nominalOn: '2026-11-22', dueOn: '2026-11-20' }); // Sun → Fri (11/23 is a holiday, not in between)
    expect(needed).toBe(true);
    expect(dueStatus(due.dueOn, today)).toEqual({ kind: 'overdue', days: 12 });
    expect(reportStatus(item, '2026-11-19').needed).toBe(false);
    expect(reportStatus(item, '2026-11-20').needed).toBe(true);
  });

  it('is not needed before the item starts or after it ends', () => {
    expect(reportStatus({ ...item, startedOn: '2027-01-10' }, '2027-03-01').needed).toBe(true);
    expect(reportStatus({ ...item, startedOn: '2027-01-10' }, '2027-01-09').needed).toBe(false);
    expect(reportStatus({ ...item, endsOn: '2026-11-30' }, '2026-12-02').needed).toBe(false);
    expect(reportStatus({ ...item, endsOn: '2026-12-02' }, '2026-12-02').needed).toBe(true);
  });

  it('a recent report makes it not needed until 30 days later', () => {
    const reported = { ...item, lastReportedOn: '2026-11-30' };
    expect(reportStatus(reported, '2026-12-02')).toEqual({
      due: { nominalOn: '2026-12-30', dueOn: '2026-12-28' }, // 年末年始 → Mon 12/28
      needed: false,
    });
    expect(reportStatus(reported, '2026-12-28').needed).toBe(true);
  });
});

describe('dueStatus: upcoming, today, overdue', () => {
  it.each([
    ['2026-11-27', '2026-11-20', { kind: 'upcoming', days: 7 }],
    ['2026-11-27', '2026-11-26', { kind: 'upcoming', days: 1 }],
    ['2026-11-27', '2026-11-27', { kind: 'today', days: 0 }],
    ['2026-11-27', '2026-11-28', { kind: 'overdue', days: 1 }],
    ['2026-11-27', '2027-01-06', { kind: 'overdue', days: 40 }],
  ] as const)('due %s on %s', (dueOn, today, expected) => {
    expect(dueStatus(dueOn, today)).toEqual(expected);
    expect(isOverdue(dueOn, today)).toBe(expected.kind === 'overdue');
  });

  it('counts overdue days from the effective date, so a Saturday date is late from Saturday', () => {
    const { dueOn } = dueDateOf('2026-11-28');
    expect(dueStatus(dueOn, '2026-11-28')).toEqual({ kind: 'overdue', days: 1 });
  });
});

describe('cutoffs for SQL over nominal dates agree with the rule', () => {
  it('over every pair of days around two year ends and Golden Week', () => {
    const days = [
      ...everyDay('2025-12-15', '2026-01-15'),
      ...everyDay('2026-04-20', '2026-05-15'),
      ...everyDay('2026-12-15', '2027-01-15'),
    ];
    for (const today of days) {
      const dueBy = dueByCutoff(today);
      const overdue = overdueCutoff(today);
      const base = reportBaseCutoff(today);
      for (const nominal of days) {
        const { dueOn } = dueDateOf(nominal);
        expect(nominal < dueBy, `${nominal} due by ${today}`).toBe(dueOn <= today);
        expect(nominal < overdue, `${nominal} overdue on ${today}`).toBe(dueOn < today);
        const needed = reportStatus({ startedOn: nominal, endsOn: null, lastReportedOn: null }, today).needed;
        expect(nominal < base && nominal <= today, `report from ${nominal} on ${today}`).toBe(needed);
      }
    }
  });
});
