const DAY_MS = 86_400_000;

/** Every `step`-th calendar day from `from` to `to`, both 'YYYY-MM-DD'. */
export function everyNthDay(from: string, to: string, step: number): string[] {
  const dates: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= end; ms += step * DAY_MS) {
    dates.push(new Date(ms).toISOString().slice(0, 10));
  }
  return dates;
}

/** Every calendar day from `from` to `to`, both 'YYYY-MM-DD'. */
export const everyDay = (from: string, to: string): string[] => everyNthDay(from, to, 1);

/** The calendar day `days` after `date` (before it when negative), 'YYYY-MM-DD'. */
export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
