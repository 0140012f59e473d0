import { queryOptions, useQuery } from '@tanstack/react-query';
import { type User, userListSchema } from '../../../../../src/contract/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const usersQueryKey = ['users'] as const;

export type UserListFilter = { organizationId?: string | undefined; includeDisabled: boolean };

/** `GET /api/users[?organizationId=…][&includeDisabled=true]` */
export async function listUsers(filter: UserListFilter, signal?: AbortSignal): Promise<User[]> {
  const query = new URLSearchParams();
  if (filter.organizationId) query.set('organizationId', filter.organizationId);
  if (filter.includeDisabled) query.set('includeDisabled', 'true');
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  const list = await apiRequest('GET', `/api/users${suffix}`, {
    schema: userListSchema,
    ...(signal ? { signal } : {}),
  });
  return list.items;
}

export function userListQueryOptions(filter: UserListFilter) {
  return queryOptions({
    queryKey: [...usersQueryKey, 'list', filter],
    queryFn: ({ signal }) => listUsers(filter, signal),
  });
}

export function useUsers(filter: UserListFilter) {
  return useQuery(userListQueryOptions(filter));
}

/** One user, read from the full list (disabled ones included): the API has no single-user read. */
export function useUser(id: string) {
  return useQuery({
    ...userListQueryOptions({ includeDisabled: true }),
    select: (items) => items.find((item) => item.id === id) ?? null,
  });
}
