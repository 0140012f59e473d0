import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type User, userSchema, type userUpdateSchema } from '../../../../../src/contract/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { usersQueryKey } from './list-users.ts';

export type UserUpdate = z.input<typeof userUpdateSchema>;

/** `PATCH /api/users/:id` with the changed fields → 200 User */
export function updateUser({ id, changes }: { id: string; changes: UserUpdate }): Promise<User> {
  return apiRequest('PATCH', `/api/users/${encodeURIComponent(id)}`, { schema: userSchema, body: changes });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
