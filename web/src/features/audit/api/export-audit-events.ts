import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../../lib/download.ts';
import { type AuditFilter, auditFilterQuery } from './list-audit-events.ts';

/** `GET /api/audit-events/export?…&encoding=` → the filtered trail saved as CSV (auditEvents.export). */
export function exportAuditEvents(filter: AuditFilter, encoding: 'utf-8' | 'shift_jis'): Promise<string> {
  const query = auditFilterQuery(filter);
  query.set('format', 'csv');
  query.set('encoding', encoding);
  return downloadFile(`/api/audit-events/export?${query}`, 'audit.csv');
}

/** The CSV export of the trail as `filter` selects it; the mutation's variable is the encoding. */
export function useExportAuditEvents(filter: AuditFilter) {
  return useMutation({
    mutationFn: (encoding: 'utf-8' | 'shift_jis') => exportAuditEvents(filter, encoding),
  });
}
