import { useQuery } from '@tanstack/react-query';
import { type User, userListSchema } from '../../../../../src/contract/users.ts';
import { getListItems } from '../../../lib/api-client.ts';

/** `GET /api/users`: the active accounts, to choose from and to in the reshuffle. */
export async function listActiveUsers(signal?: AbortSignal): Promise<User[]> {
  return getListItems('/api/users', userListSchema, signal);
}

export function useActiveUsers() {
  return useQuery({ queryKey: ['users', 'reshuffle'], queryFn: ({ signal }) => listActiveUsers(signal) });
}
