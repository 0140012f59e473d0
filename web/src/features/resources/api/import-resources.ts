import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { resourceImportResultSchema } from '../../../../../src/contract/hsds.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { resourcesQueryKey } from './list-resources.ts';

export type ResourceImportResult = z.infer<typeof resourceImportResultSchema>;
export type ResourceImportRequest = { fileName: string; contentBase64: string; dryRun: boolean };

/**
 * `POST /api/resources/import[?dryRun=true]` (resources.import): a dry run answers what each service
 * of the file would become (new or updated); any error refuses the whole file (400, nothing written).
 */
export function useImportResources() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fileName, contentBase64, dryRun }: ResourceImportRequest) =>
      apiRequest('POST', `/api/resources/import${dryRun ? '?dryRun=true' : ''}`, {
        schema: resourceImportResultSchema,
        body: { fileName, contentBase64 },
      }),
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: resourcesQueryKey });
    },
  });
}
