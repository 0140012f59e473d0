import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';
import { Loading } from './ui/loading.tsx';
import { PageHeading } from './ui/page-heading.tsx';
import { QueryError } from './ui/query-error.tsx';

/**
 * The page of one record whose very existence is not told to those who may not see it (a case, a
 * meeting): `children(record)` once it is there; until then `heading` over the loading line or over
 * the error with a retry button. Not found and not allowed are the same answer (404): the page then
 * says only that there is no such page, with the way `back` if there is one.
 */
export function PrivateRecordPage<T>({
  query,
  heading,
  back,
  children,
}: {
  query: UseQueryResult<T>;
  heading: string;
  back?: ReactNode;
  children: (record: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      const body = <p>{t('page.notFoundBody')}</p>;
      return (
        <>
          <PageHeading>{t('page.notFoundTitle')}</PageHeading>
          {back ? (
            <div className="flex flex-col gap-6">
              {body}
              {back}
            </div>
          ) : (
            body
          )}
        </>
      );
    }
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  return <>{children(query.data)}</>;
}
