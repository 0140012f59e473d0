import { type User, userSchema } from '../../../../../src/contract/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { usersQueryKey } from './list-users.ts';

/** `POST /api/users/:id/enable` → 200 User */
export function enableUser(id: string): Promise<User> {
  return apiRequest('POST', `/api/users/${encodeURIComponent(id)}/enable`, { schema: userSchema });
}

export function useEnableUser() {
  return useRefreshingMutation(enableUser, usersQueryKey);
}
