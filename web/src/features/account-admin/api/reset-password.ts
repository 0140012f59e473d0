import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PasswordReset } from '../../../../../src/contract/accounts.ts';
import { type User, userSchema } from '../../../../../src/contract/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** `POST /api/users/:id/password` → 200 User (the user's sessions end, a lockout is lifted). */
export function resetPassword(input: { id: string } & PasswordReset): Promise<User> {
  return apiRequest('POST', `/api/users/${encodeURIComponent(input.id)}/password`, {
    schema: userSchema,
    body: { newPassword: input.newPassword, mustChangePassword: input.mustChangePassword ?? false },
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
