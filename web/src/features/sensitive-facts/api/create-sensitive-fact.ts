import {
  type SensitiveFact,
  type SensitiveFactInput,
  sensitiveFactSchema,
} from '../../../../../src/contract/sensitiveFacts.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useSensitiveFactsMutation } from './list-sensitive-facts.ts';

/** `POST /api/sensitive-facts` (sensitiveFacts.create). */
export function createSensitiveFact(input: SensitiveFactInput): Promise<SensitiveFact> {
  return apiRequest('POST', '/api/sensitive-facts', { schema: sensitiveFactSchema, body: input });
}

export function useCreateSensitiveFact() {
  return useSensitiveFactsMutation(createSensitiveFact);
}
