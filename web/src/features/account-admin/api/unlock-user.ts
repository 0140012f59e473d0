import { type User, userSchema } from '../../../../../src/contract/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';

/** `POST /api/users/:id/unlock` → 200 User */
export function unlockUser(id: string): Promise<User> {
  return apiRequest('POST', `/api/users/${encodeURIComponent(id)}/unlock`, { schema: userSchema });
}

export function useUnlockUser() {
  return useRefreshingMutation(unlockUser, ['users']);
}
