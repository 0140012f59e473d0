import {
  type Consultation,
  type ConsultationInput,
  consultationSchema,
} from '../../../../../src/contract/consultations.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useConsultationMutation } from './consultation-mutation.ts';

/** `POST /api/consultations` → 201 Consultation (persons, household, referral or handover in one step). */
export function createConsultation(input: ConsultationInput): Promise<Consultation> {
  return apiRequest('POST', '/api/consultations', { schema: consultationSchema, body: input });
}

export function useCreateConsultation() {
  return useConsultationMutation(createConsultation);
}
