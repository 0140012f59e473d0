import { useQuery } from '@tanstack/react-query';
import { organizationListSchema } from '../../../../../src/contract/organizations.ts';
import { userListSchema } from '../../../../../src/contract/users.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { auditQueryKey } from './list-audit-events.ts';

export type Option = { id: string; name: string };

/**
 * The users and organisations the auditor can filter by (`GET /api/users`, `GET /api/organizations`,
 * disabled ones included: the trail outlives accounts). Kept in this feature so features do not
 * import each other.
 */
export function useAuditFilterOptions() {
  return useQuery({
    queryKey: [...auditQueryKey, 'filterOptions'],
    queryFn: async ({ signal }) => {
      const [users, organizations] = await Promise.all([
        apiGet('/api/users?includeDisabled=true', userListSchema, signal),
        apiGet('/api/organizations?includeDisabled=true', organizationListSchema, signal),
      ]);
      return {
        users: users.items.map((u): Option => ({ id: u.id, name: `${u.displayName}（${u.loginId}）` })),
        organizations: organizations.items.map((o): Option => ({ id: o.id, name: o.name })),
      };
    },
    staleTime: 5 * 60_000,
  });
}
