import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../../lib/download.ts';
import type { CaseListFilter } from '../case-filter.ts';
import { caseFilterParams } from './list-cases.ts';
import '../../../lib/i18n/casework.bundle.ts';

export type CaseExportFormat = 'csv' | 'xlsx';

/** `GET /api/cases/export?…&format=` (cases.export): 事例一覧 with the same filter, saved as a file. */
export function exportCases(filter: CaseListFilter, format: CaseExportFormat): Promise<string> {
  const query = caseFilterParams(filter);
  query.set('format', format);
  return downloadFile(`/api/cases/export?${query}`, `cases.${format}`);
}

export function useExportCases() {
  return useMutation({
    mutationFn: ({ filter, format }: { filter: CaseListFilter; format: CaseExportFormat }) =>
      exportCases(filter, format),
  });
}
