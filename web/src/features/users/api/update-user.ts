import type { z } from 'zod';
import { type User, userSchema, type userUpdateSchema } from '../../../../../src/contract/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { usersQueryKey } from './list-users.ts';

export type UserUpdate = z.input<typeof userUpdateSchema>;

/** `PATCH /api/users/:id` with the changed fields → 200 User */
export function updateUser({ id, changes }: { id: string; changes: UserUpdate }): Promise<User> {
  return apiRequest('PATCH', `/api/users/${encodeURIComponent(id)}`, { schema: userSchema, body: changes });
}

export function useUpdateUser() {
  return useRefreshingMutation(updateUser, usersQueryKey);
}
