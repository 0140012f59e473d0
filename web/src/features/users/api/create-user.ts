import { type User, type UserInput, userSchema } from '../../../../../src/contract/users.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation.ts';
import { usersQueryKey } from './list-users.ts';

/** `POST /api/users` → 201 User */
export function createUser(input: UserInput): Promise<User> {
  return apiRequest('POST', '/api/users', { schema: userSchema, body: input });
}

export function useCreateUser() {
  return useRefreshingMutation(createUser, usersQueryKey);
}
