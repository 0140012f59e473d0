/** '14:05' in Japan time, for messages such as a lockout's end. */
export function formatTokyoTime(date: Date): string {
  return new Intl.DateTimeFormat('ja-JP', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Tokyo',
  }).format(date);
}
