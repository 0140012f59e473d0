import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableProps } from './ui/data-table.tsx';
import { QueryView } from './ui/query-view.tsx';

export type QueryDataTableProps<T> = Omit<DataTableProps<T>, 'rows' | 'captionDetail'> & {
  /** A list query whose answer holds the rows as `items`. */
  query: UseQueryResult<{ items: readonly T[] }>;
};

/**
 * A list query drawn as a `DataTable`: the loading line or the error while there is no answer
 * (`QueryView`), then one row per item, with the number of items beside the caption.
 */
export function QueryDataTable<T>({ query, ...table }: QueryDataTableProps<T>) {
  const { t } = useTranslation();
  return (
    <QueryView query={query}>
      {(data) => (
        <DataTable
          {...table}
          captionDetail={t('common.itemCount', { count: data.items.length })}
          rows={data.items}
        />
      )}
    </QueryView>
  );
}
