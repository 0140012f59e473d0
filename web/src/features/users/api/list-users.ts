import { type User, userListSchema } from '../../../../../src/contract/users.ts';
import { adminListQueries } from '../../../lib/admin-list-queries.ts';

export const usersQueryKey = ['users'] as const;

export type UserListFilter = { organizationId?: string | undefined; includeDisabled: boolean };

const userList = adminListQueries<UserListFilter, User>({
  queryKey: usersQueryKey,
  /** `GET /api/users[?organizationId=…][&includeDisabled=true]` */
  path: (filter) => {
    const query = new URLSearchParams();
    if (filter.organizationId) query.set('organizationId', filter.organizationId);
    if (filter.includeDisabled) query.set('includeDisabled', 'true');
    return `/api/users${query.size > 0 ? `?${query.toString()}` : ''}`;
  },
  schema: userListSchema,
  everything: { includeDisabled: true },
});

export const useUsers = userList.useList;

/** One user, read from the full list (disabled ones included): the API has no single-user read. */
export const useUser = userList.useOne;
