import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type Monitoring,
  type MonitoringInput,
  monitoringSchema,
} from '../../../../../src/contract/monitorings.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { invalidateCase } from './get-case.ts';

/** `POST /api/cases/:id/monitorings` (monitorings.create): progress per item and the decision. */
export function createMonitoring({
  caseId,
  input,
}: {
  caseId: string;
  input: MonitoringInput;
}): Promise<Monitoring> {
  return apiRequest('POST', `/api/cases/${encodeURIComponent(caseId)}/monitorings`, {
    schema: monitoringSchema,
    body: input,
  });
}

export function useCreateMonitoring() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMonitoring,
    onSuccess: (_data, { caseId }) => invalidateCase(queryClient, caseId),
  });
}
