import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { usePersonAccessLog } from '../api/get-person-access-log.ts';

/** 「閲覧履歴」: who has seen this person's data — for the coordinating section (person.accessLog). */
export function AccessLogPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const log = usePersonAccessLog(personId);
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section
      aria-labelledby="person-access-log"
      className="flex flex-col gap-4 border-t border-solid-gray-420 pt-6"
    >
      <h2 id="person-access-log" className="text-std-20B-150 text-solid-gray-900">
        {t('audit.accessLog.heading')}
      </h2>
      <p className="text-std-16N-170 text-solid-gray-700">{t('audit.accessLog.lead')}</p>
      {log.isPending ? (
        <Loading />
      ) : log.isError && items.length === 0 ? (
        <QueryError error={log.error} onRetry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('audit.accessLog.empty')}</p>
      ) : (
        <>
          <Table
            caption={t('audit.accessLog.caption')}
            captionDetail={t('audit.shownCount', { count: items.length })}
          >
            <thead>
              <tr>
                <Th scope="col">{t('audit.columns.time')}</Th>
                <Th scope="col">{t('audit.columns.user')}</Th>
                <Th scope="col">{t('audit.columns.organization')}</Th>
                <Th scope="col">{t('audit.columns.action')}</Th>
                <Th scope="col">{t('audit.columns.purpose')}</Th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(entry.occurredAt, language)}</Td>
                  <Td>{entry.user?.displayName ?? ''}</Td>
                  <Td>{entry.organization?.name ?? ''}</Td>
                  <Td>{entry.actionLabel}</Td>
                  <Td>
                    {[
                      entry.purpose,
                      entry.legalBasis &&
                      ['consent', 'article106_6', 'intake', 'coordination'].includes(entry.legalBasis)
                        ? t(`audit.legalBasis.${entry.legalBasis as 'consent'}`)
                        : entry.legalBasis,
                    ]
                      .filter(Boolean)
                      .join('／')}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {log.hasNextPage ? (
            <div>
              <Button
                variant="outline"
                onClick={() => void log.fetchNextPage()}
                aria-disabled={log.isFetchingNextPage || undefined}
              >
                {log.isFetchingNextPage ? t('common.loading') : t('audit.accessLog.showMore')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
