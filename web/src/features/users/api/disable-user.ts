import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type User, userSchema } from '../../../../../src/contract/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { usersQueryKey } from './list-users.ts';

/** `POST /api/users/:id/disable` → 200 User */
export function disableUser(id: string): Promise<User> {
  return apiRequest('POST', `/api/users/${encodeURIComponent(id)}/disable`, { schema: userSchema });
}

export function useDisableUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
