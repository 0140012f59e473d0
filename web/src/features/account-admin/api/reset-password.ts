import type { PasswordReset } from '../../../../../src/contract/accounts.ts';
import { type User, userSchema } from '../../../../../src/contract/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';

/** `POST /api/users/:id/password` → 200 User (the user's sessions end, a lockout is lifted). */
export function resetPassword(input: { id: string } & PasswordReset): Promise<User> {
  return apiRequest('POST', `/api/users/${encodeURIComponent(input.id)}/password`, {
    schema: userSchema,
    body: { newPassword: input.newPassword, mustChangePassword: input.mustChangePassword ?? false },
  });
}

export function useResetPassword() {
  return useRefreshingMutation(resetPassword, ['users']);
}
