import type { UseQueryResult } from '@tanstack/react-query';
import type { RegisteredRouter, ValidateLinkOptions } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminMessages } from './admin-list.tsx';
import { type EnableToggle, RowActions, type Toggleable } from './enable-toggle.tsx';
import { type DataColumn, DataTable } from './ui/data-table.tsx';
import { QueryView } from './ui/query-view.tsx';
import { RouteLink } from './ui/route-link.tsx';
import { Td } from './ui/table.tsx';

/** A record of an administration list, with what the server lets me do to it. */
export type AdminRecord = Toggleable & { abilities: { update: boolean; disable: boolean } };

export type AdminTableProps<T extends AdminRecord, TRouter extends RegisteredRouter, TOptions> = {
  messages: AdminMessages;
  query: UseQueryResult<T[]>;
  /** The record's own columns; the actions column comes last, added here. */
  columns: readonly DataColumn[];
  toggle: EnableToggle<T>;
  /** The route of the record's edit screen, with its typed parameters. */
  editLink: (record: T) => ValidateLinkOptions<TRouter, TOptions>;
  /** The record's own cells, one per column. */
  children: (record: T) => ReactNode;
};

/**
 * The table of an administration list (組織管理, ユーザー管理): captioned `<messages>.tableCaption`
 * with its count, `<messages>.empty` when there are none, disabled records shaded, and each row
 * ending in its 編集 link and 無効化 / 有効化 button as the server allows.
 */
export function AdminTable<T extends AdminRecord, TRouter extends RegisteredRouter, TOptions>(
  props: AdminTableProps<T, TRouter, TOptions>,
): ReactNode;
export function AdminTable<T extends AdminRecord>({
  messages,
  query,
  columns,
  toggle,
  editLink,
  children,
}: AdminTableProps<T, RegisteredRouter, unknown>) {
  const { t } = useTranslation();
  return (
    <QueryView query={query}>
      {(data) => (
        <DataTable
          caption={t(`${messages}.tableCaption`)}
          captionDetail={t('common.itemCount', { count: data.length })}
          columns={[...columns, t('common.actions')]}
          rows={data}
          empty={t(`${messages}.empty`)}
        >
          {(record) => (
            <tr key={record.id} className={record.disabledAt ? 'bg-solid-gray-50' : undefined}>
              {children(record)}
              <Td>
                <RowActions>
                  {record.abilities.update ? (
                    <RouteLink
                      {...editLink(record)}
                      aria-label={t('common.actionFor', {
                        action: t('common.edit'),
                        name: toggle.nameOf(record),
                      })}
                    >
                      {t('common.edit')}
                    </RouteLink>
                  ) : null}
                  {record.abilities.disable ? toggle.button(record) : null}
                </RowActions>
              </Td>
            </tr>
          )}
        </DataTable>
      )}
    </QueryView>
  );
}
