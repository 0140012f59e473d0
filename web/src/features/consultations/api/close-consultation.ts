import { type Consultation, consultationSchema } from '../../../../../src/contract/consultations.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useConsultationMutation } from './consultation-mutation.ts';

/** `POST /api/consultations/:id/close` {note} → 200 Consultation (対応終了). */
export function closeConsultation({ id, note }: { id: string; note: string }): Promise<Consultation> {
  return apiRequest('POST', `/api/consultations/${encodeURIComponent(id)}/close`, {
    schema: consultationSchema,
    body: note ? { note } : {},
  });
}

export function useCloseConsultation() {
  return useConsultationMutation(closeConsultation);
}
