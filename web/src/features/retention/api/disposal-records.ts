import { useMutation, useQuery } from '@tanstack/react-query';
import type { DisposalRecord } from '../../../../../src/contract/retention.ts';
import { disposalRecordListSchema } from '../../../../../src/contract/retention.ts';
import { getJson } from '../../../lib/api-client.ts';
import { downloadFile } from '../../../lib/download.ts';

export const disposalRecordsQueryKey = ['disposalRecords'] as const;

/** `GET /api/disposals` (disposals.report): every approved disposal, newest first, without personal data. */
export function listDisposalRecords(signal?: AbortSignal): Promise<{ items: DisposalRecord[] }> {
  return getJson('/api/disposals', disposalRecordListSchema, signal);
}

export function useDisposalRecords() {
  return useQuery({
    queryKey: disposalRecordsQueryKey,
    queryFn: ({ signal }) => listDisposalRecords(signal),
  });
}

/** `GET /api/disposals/export?encoding=` (disposals.export) → the record saved as CSV. */
export function exportDisposalRecords(encoding: 'utf-8' | 'shift_jis'): Promise<string> {
  return downloadFile(`/api/disposals/export?encoding=${encoding}`, 'disposals.csv');
}

export function useExportDisposalRecords() {
  return useMutation({ mutationFn: exportDisposalRecords });
}
