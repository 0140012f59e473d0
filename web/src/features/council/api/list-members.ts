import { useQuery } from '@tanstack/react-query';
import { councilMemberListSchema } from '../../../../../src/contract/council.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** `GET /api/council/members` (councilMembers.list): the member organisations in 名簿順 */
export function useCouncilMembers() {
  return useQuery({
    queryKey: ['council', 'members'],
    queryFn: async ({ signal }) =>
      (await apiRequest('GET', '/api/council/members', { schema: councilMemberListSchema, signal })).items,
  });
}
