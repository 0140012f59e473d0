import { z } from 'zod';
import { toIsoDate } from '../domain/wareki.ts';

/*
 * In a module of its own (not in persons.ts) so that the web app's router can read a date filter
 * from the address without the person schemas (docs/performance.md, The page).
 */

function isCalendarDate(value: string): boolean {
  try {
    return toIsoDate(value) === value;
  } catch {
    return false;
  }
}

/** A calendar date 'YYYY-MM-DD' that exists (no 2月30日). */
export function calendarDate(label: string) {
  return z
    .string({ message: `${label}を入力してください` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label}は YYYY-MM-DD の形式で送ってください` })
    .refine(isCalendarDate, { message: `${label}が存在しない日付です` });
}
