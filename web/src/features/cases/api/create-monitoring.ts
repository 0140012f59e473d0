import {
  type Monitoring,
  type MonitoringInput,
  monitoringSchema,
} from '../../../../../src/contract/monitorings.ts';
import { caseChangeRequest, useCaseMutation } from './case-mutation.ts';

/** `POST /api/cases/:id/monitorings` (monitorings.create): progress per item and the decision. */
export const createMonitoring = caseChangeRequest<MonitoringInput, Monitoring>(
  'POST',
  'monitorings',
  monitoringSchema,
);

export function useCreateMonitoring() {
  return useCaseMutation(createMonitoring);
}
