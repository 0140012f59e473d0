/** '14:05' in Japan time, for messages such as a lockout's end. */
export function formatTokyoTime(date: Date): string {
  return new Intl.DateTimeFormat('ja-JP', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Tokyo',
  }).format(date);
}

/** Japan time to the minute, as 'sv-SE' writes it: '2026-12-03 14:05' (a spreadsheet reads it as a date and time). */
const tokyoToTheMinute = {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
} as const;
const tokyoMinuteFormat = new Intl.DateTimeFormat('sv-SE', tokyoToTheMinute);
const tokyoSecondFormat = new Intl.DateTimeFormat('sv-SE', { ...tokyoToTheMinute, second: '2-digit' });

/** '2026-12-03 14:05' in Japan time, or '2026-12-03 14:05:09' with `seconds`: for CSV exports. */
export function formatTokyoDateTime(date: Date, options: { seconds?: boolean } = {}): string {
  return (options.seconds ? tokyoSecondFormat : tokyoMinuteFormat).format(date);
}

/**
 * Where a fact known only by its date (a support given on, a monitoring conducted on) goes on a
 * timeline ordered by when things happened: at the moment it was recorded when that was the same
 * day in Japan, otherwise at the end of that working day (17:00 Japan time), so a report written
 * days later sits among the entries of the day it tells about.
 */
export function happenedAt(isoDate: string, recordedAt: Date): Date {
  const recordedOn = new Date(recordedAt.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  return recordedOn === isoDate ? recordedAt : new Date(`${isoDate}T17:00:00+09:00`);
}

/** Start of a calendar day in Asia/Tokyo (Japan has no daylight saving time). */
export function startOfTokyoDay(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

/** Start of the Tokyo day after `date`: the exclusive end of a period that runs through `date`. */
export function endOfTokyoDay(date: string): Date {
  return new Date(startOfTokyoDay(date).getTime() + 24 * 60 * 60 * 1000);
}
