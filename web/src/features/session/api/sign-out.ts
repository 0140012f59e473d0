import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';

/** `DELETE /api/session`: ends the session (204). */
export async function signOut(): Promise<void> {
  await apiRequest('DELETE', '/api/session');
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Forget everything even if the server call failed: the screen must not keep personal data.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
    },
  });
}
