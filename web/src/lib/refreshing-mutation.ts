import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A mutation whose success makes the queries under each of `queryKeys` read again, so the lists and
 * records it changed show the change; the mutation is done once they are marked stale.
 */
export function useRefreshingMutation<TData, TVariables = void>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  ...queryKeys: readonly QueryKey[]
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

/**
 * A mutation that answers with the record as saved: the answer is kept under `savedKey(saved)`, so
 * the record's screen shows it without reading it again, and the queries under each of `queryKeys`
 * are read again.
 */
export function useSavingMutation<TData, TVariables = void>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  savedKey: (saved: TData) => QueryKey,
  ...queryKeys: readonly QueryKey[]
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      queryClient.setQueryData(savedKey(saved), saved);
      return Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
