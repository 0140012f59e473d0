import { useTranslation } from 'react-i18next';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { ShowMore } from '../../../components/ui/show-more.tsx';
import { Table, Td } from '../../../components/ui/table.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { usePersonAccessLog } from '../api/get-person-access-log.ts';
import '../../../lib/i18n/admin.bundle.ts';

/** 「閲覧履歴」: who has seen this person's data — for the coordinating section (person.accessLog). */
export function AccessLogPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const language = currentLanguage();
  const log = usePersonAccessLog(personId);
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section
      id="person-access-log"
      title={t('audit.accessLog.heading')}
      size="medium"
      className="flex flex-col gap-4 border-t border-solid-gray-420 pt-6"
    >
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
            <TableHead
              columns={textsUnder(t, 'audit.columns', ['time', 'user', 'organization', 'action', 'purpose'])}
            />
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(entry.occurredAt, language)}</Td>
                  <Td>{entry.user?.displayName ?? ''}</Td>
                  <Td>{entry.organization?.name ?? ''}</Td>
                  <Td>{codeName('auditAction', entry.action)}</Td>
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
          <ShowMore query={log} label={t('audit.accessLog.showMore')} />
        </>
      )}
    </Section>
  );
}
