import { useQuery } from '@tanstack/react-query';
import { councilMemberListSchema } from '../../../../../src/contract/council.ts';
import { getListItems } from '../../../lib/list-items.ts';

/** `GET /api/council/members` (councilMembers.list): the member organisations in 名簿順 */
export function useCouncilMembers() {
  return useQuery({
    queryKey: ['council', 'members'],
    queryFn: ({ signal }) => getListItems('/api/council/members', councilMemberListSchema, signal),
  });
}
