import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ProgrammeImportResult,
  programmeImportResultSchema,
} from '../../../../../src/contract/recidivismPlan.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type ProgrammeImportRequest = { fileName: string; contentBase64: string; dryRun: boolean };

/**
 * `POST /api/programmes/import[?dryRun=true]` (programmes.import): a dry run answers the row-level
 * errors and what would be created or updated; a real import with errors is refused whole (400).
 */
export function importProgrammes({
  fileName,
  contentBase64,
  dryRun,
}: ProgrammeImportRequest): Promise<ProgrammeImportResult> {
  return apiRequest('POST', `/api/programmes/import${dryRun ? '?dryRun=true' : ''}`, {
    schema: programmeImportResultSchema,
    body: { fileName, contentBase64 },
  });
}

export function useImportProgrammes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importProgrammes,
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: ['recidivism'] });
    },
  });
}

/** `GET /api/programmes/import-template?format=` (programmes.importTemplate): the template to download */
export function importTemplateUrl(format: 'xlsx' | 'csv'): string {
  return `/api/programmes/import-template?format=${format}`;
}
