import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';

/** A page of a keyset-paged list: the cursor of the page after it, while there is one. */
export type KeysetPage = { nextCursor?: string | null | undefined };

/** A list's query parameters with the page's `limit` and, after the first page, the `cursor` it reads on from. */
export function withPage(query: URLSearchParams, limit: number, cursor: string | undefined): URLSearchParams {
  query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  return query;
}

/**
 * The query of a keyset-paged list read under `queryKey`: the first page, then (「さらに表示」) the page
 * after the last one, for as long as the last one names a next cursor.
 */
export function keysetPagesOptions<Page extends KeysetPage, Key extends QueryKey>(
  queryKey: Key,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page>,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
