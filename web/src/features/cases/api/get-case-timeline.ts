import { caseTimelineSchema } from '../../../../../src/contract/cases.ts';
import { useCasePages } from './get-case.ts';

/** `GET /api/cases/:id/timeline?limit=&cursor=` (cases.timeline): every organisation's entries, newest first. */
export function useCaseTimeline(caseId: string) {
  return useCasePages(caseId, {
    list: 'timeline',
    key: 'timeline',
    pageSize: 30,
    schema: caseTimelineSchema,
  });
}
