import type { ReactNode } from 'react';
import { Loading } from './loading.tsx';
import { QueryError } from './query-error.tsx';
import { type PagedQuery, ShowMore } from './show-more.tsx';

/** What the view reads of a keyset-paged list query: `useInfiniteQuery` over pages of `{ items }`. */
export type PagedListQuery<T> = PagedQuery & {
  data: { pages: readonly { items: readonly T[] }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
};

/**
 * What a screen shows for a paged list: the loading line, the error with a retry button while no
 * page has come, else `children` with the items of every page loaded so far and, under them, the
 * 「さらに表示」 button (`moreLabel`) while there is a next page. A failed next page keeps the rows;
 * `children` may say so.
 */
export function PagedQueryView<T>({
  query,
  moreLabel,
  children,
}: {
  query: PagedListQuery<T>;
  moreLabel: string;
  children: (items: readonly T[]) => ReactNode;
}) {
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (query.isPending) return <Loading />;
  if (query.isError && items.length === 0)
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      {children(items)}
      <ShowMore query={query} label={moreLabel} />
    </>
  );
}
