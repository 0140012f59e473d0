/** '14:05' in Japan time, for messages such as a lockout's end. */
export function formatTokyoTime(date: Date): string {
  return new Intl.DateTimeFormat('ja-JP', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Tokyo',
  }).format(date);
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
