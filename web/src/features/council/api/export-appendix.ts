/** `GET /api/recidivism-plan/appendix?format=` (appendix.export): the 資料編 as a file to download */
export function councilAppendixUrl(format: 'pdf' | 'xlsx' | 'csv'): string {
  return `/api/recidivism-plan/appendix?format=${format}`;
}
