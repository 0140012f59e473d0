import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type User, userSchema } from '../../../../../src/contract/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** `POST /api/users/:id/unlock` → 200 User */
export function unlockUser(id: string): Promise<User> {
  return apiRequest('POST', `/api/users/${encodeURIComponent(id)}/unlock`, { schema: userSchema });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
