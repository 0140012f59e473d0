import type { z } from 'zod';
import { type opinionAnswerSchema, opinionSchema } from '../../../../../src/contract/council.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { opinionsQueryKey } from './list-opinions.ts';

export type OpinionAnswer = z.output<typeof opinionAnswerSchema>;

/** `POST /api/council/opinions/:id/answer` (opinions.answer): the city's answer and follow-up */
export function answerOpinion({ id, input }: { id: string; input: OpinionAnswer }) {
  return apiRequest('POST', `/api/council/opinions/${id}/answer`, { schema: opinionSchema, body: input });
}

export function useAnswerOpinion() {
  return useRefreshingMutation(answerOpinion, opinionsQueryKey);
}
