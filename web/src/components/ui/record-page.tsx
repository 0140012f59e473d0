import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isProblem } from '../../lib/api-client.ts';
import { Alert } from './alert.tsx';
import { Loading } from './loading.tsx';
import { PageHeading } from './page-heading.tsx';
import { QueryError } from './query-error.tsx';

/**
 * The page of one record `query` fetches: `children(record)` once it is there; until then the page's
 * `heading` over the loading line, over 「見つかりません」 (`notFound`, a 404: missing or not visible
 * to this organisation) with the way `back`, or over the error with a retry button.
 */
export function RecordPage<T>({
  query,
  heading,
  notFound,
  back,
  children,
}: {
  query: UseQueryResult<T>;
  heading: string;
  notFound: string;
  back: ReactNode;
  children: (record: T) => ReactNode;
}) {
  if (query.data) return <>{children(query.data)}</>;
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      {query.isPending ? (
        <Loading />
      ) : isProblem(query.error, 'notFound') ? (
        <div className="flex flex-col gap-6">
          <Alert tone="error" title={notFound} />
          {back}
        </div>
      ) : (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      )}
    </>
  );
}
