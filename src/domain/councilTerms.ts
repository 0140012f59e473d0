import { daysBetween } from './businessDays.ts';
import { addCalendarDays } from './dueDates.ts';

/**
 * Where a 連絡会議 member's term stands on a given day. A term runs to the end of its last day
 * (`termTo`, inclusive); a term with no end is simply current. The plan officer is warned
 * {@link TERM_NOTICE_DAYS} days ahead so that a successor can be nominated in time: 「任期満了間近」
 * from 90 days before the last day up to that day, 「任期満了」 from the day after.
 * `today` comes from the one clock (src/domain/clock.ts) — never a fresh `new Date()`.
 */
export const TERM_NOTICE_DAYS = 90;

export type TermStatus = 'current' | 'endingSoon' | 'ended';

export interface TermStanding {
  status: TermStatus;
  /** calendar days to the last day of the term (0 on it, negative once ended); null without an end */
  daysLeft: number | null;
}

export function termStanding(termTo: string | null, today: string): TermStanding {
  if (termTo === null) return { status: 'current', daysLeft: null };
  const daysLeft = daysBetween(today, termTo);
  if (daysLeft < 0) return { status: 'ended', daysLeft };
  return { status: daysLeft <= TERM_NOTICE_DAYS ? 'endingSoon' : 'current', daysLeft };
}

/** The last `termTo` that {@link termStanding} flags on `today` (for a SQL filter: term_to ≤ this). */
export function termNoticeCutoff(today: string): string {
  return addCalendarDays(today, TERM_NOTICE_DAYS);
}
