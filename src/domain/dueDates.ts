/**
 * One rule for due dates, shown the same on every screen (マイタスク, 事例一覧, 担当の支援項目 and the
 * case page):
 *
 * - A date a rule gives (the next monitoring the coordinator chose, 30 days after the last report)
 *   is the *nominal* date. The office keeps the *effective* due date: the nominal date when the
 *   office is open that day, otherwise the business day before (a Saturday's date is due on
 *   Friday). Screens show the effective date, with the nominal one beside it where they differ.
 * - A plan item's report is first due {@link REPORT_INTERVAL_DAYS} days after the item starts (its
 *   period, or the plan's approval), then that many days after each report. An item never reported
 *   on is overdue from its first due date, not from its start.
 * - Overdue is counted in calendar days from the effective due date. *Waiting* is something else:
 *   the days a handover or referral has been waiting for a decision since it arrived.
 *
 * All dates are calendar dates 'YYYY-MM-DD'; functions throw RangeError for anything else.
 */
import { addBusinessDays, daysBetween, isBusinessDay } from './businessDays.ts';

/** A plan item's report is due this many days after its start, and then after each report. */
export const REPORT_INTERVAL_DAYS = 30;

/** A due date as a rule gives it (`nominalOn`) and as the office keeps it (`dueOn`, a business day). */
export type DueDate = {
  nominalOn: string;
  dueOn: string;
};

/**
 * The effective due date of a nominal date: the date itself on a business day, otherwise the
 * business day before (weekends, national holidays and 年末年始 12/29–1/3 move back).
 */
export function dueDateOf(nominalOn: string): DueDate {
  return { nominalOn, dueOn: isBusinessDay(nominalOn) ? nominalOn : addBusinessDays(nominalOn, -1) };
}

/** Whether the effective date differs from the nominal one (and so the nominal one is shown beside it). */
export function isMoved(due: DueDate): boolean {
  return due.dueOn !== due.nominalOn;
}

/** Calendar arithmetic on 'YYYY-MM-DD'. */
export function addCalendarDays(date: string, days: number): string {
  daysBetween(date, date); // validates the date
  if (!Number.isInteger(days)) throw new RangeError(`Not an integer number of days: ${days}`);
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * When a plan item's next report is due: {@link REPORT_INTERVAL_DAYS} days after the last report,
 * or after the item's start when nothing has been reported yet.
 */
export function reportDueDate(item: { startedOn: string; lastReportedOn: string | null }): DueDate {
  return dueDateOf(addCalendarDays(item.lastReportedOn ?? item.startedOn, REPORT_INTERVAL_DAYS));
}

/** When a plan item runs and when it was last reported on. */
export type ReportSchedule = {
  /** The item's period start, or the plan's approval when the item has no period. */
  startedOn: string;
  /** The item's period end, if any. */
  endsOn: string | null;
  lastReportedOn: string | null;
};

/**
 * A plan item's next report: when it is due, and whether a report is needed on `today` (the item
 * runs today and its effective due date has come).
 */
export function reportStatus(item: ReportSchedule, today: string): { due: DueDate; needed: boolean } {
  const due = reportDueDate(item);
  const running = item.startedOn <= today && (item.endsOn === null || item.endsOn >= today);
  return { due, needed: running && due.dueOn <= today };
}

/**
 * Where a due date stands on `today`: `upcoming` with the calendar days left, `today`, or
 * `overdue` with the calendar days since the effective due date.
 */
export type DueStatus =
  | { kind: 'upcoming'; days: number }
  | { kind: 'today'; days: 0 }
  | { kind: 'overdue'; days: number };

export function dueStatus(dueOn: string, today: string): DueStatus {
  const days = daysBetween(today, dueOn);
  if (days > 0) return { kind: 'upcoming', days };
  if (days === 0) return { kind: 'today', days: 0 };
  return { kind: 'overdue', days: -days };
}

/**
 * For SQL over nominal dates: a nominal date before this is due by `today` (its effective date is
 * today or earlier, a date moved back over closed days included): the next business day after today.
 */
export function dueByCutoff(today: string): string {
  return addBusinessDays(today, 1);
}

/** For SQL over nominal dates: a nominal date before this is overdue on `today`. */
export function overdueCutoff(today: string): string {
  return dueByCutoff(addCalendarDays(today, -1));
}

/**
 * For SQL over plan items: an item running today whose last report (or, with none, its start)
 * falls before this date needs a report on `today` — the same answer as {@link reportStatus}.
 */
export function reportBaseCutoff(today: string): string {
  return addCalendarDays(dueByCutoff(today), -REPORT_INTERVAL_DAYS);
}

/** Whether something due on `dueOn` is late on `today` (the effective due date has passed). */
export function isOverdue(dueOn: string, today: string): boolean {
  return dueStatus(dueOn, today).kind === 'overdue';
}
