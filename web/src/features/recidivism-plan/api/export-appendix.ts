/**
 * `GET /api/recidivism-plan/appendix?format=` (appendix.export): the 資料編 (challenge → programmes
 * with summary and section) as a file. A plain link: the browser downloads it with the session cookie.
 */
export function appendixUrl(format: 'pdf' | 'xlsx' | 'csv', encoding?: 'shift_jis'): string {
  return `/api/recidivism-plan/appendix?format=${format}${encoding ? `&encoding=${encoding}` : ''}`;
}
