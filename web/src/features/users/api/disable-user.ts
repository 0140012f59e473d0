import { type User, userSchema } from '../../../../../src/contract/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { usersQueryKey } from './list-users.ts';

/** `POST /api/users/:id/disable` → 200 User */
export function disableUser(id: string): Promise<User> {
  return apiRequest('POST', `/api/users/${encodeURIComponent(id)}/disable`, { schema: userSchema });
}

export function useDisableUser() {
  return useRefreshingMutation(disableUser, usersQueryKey);
}
