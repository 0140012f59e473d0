import { useTranslation } from 'react-i18next';
import type { DisposalRecord } from '../../../../../src/contract/retention.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Td } from '../../../components/ui/table.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { useDisposalRecords, useExportDisposalRecords } from '../api/disposal-records.ts';
import '../messages.ts';

/** The record of disposals as a table: when, by whom, how many, which case numbers — no personal data. */
export function DisposalRecordsTable({ records }: { records: readonly DisposalRecord[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <DataTable
      caption={t('retention.records.caption')}
      captionDetail={t('common.itemCount', { count: records.length })}
      columns={[
        t('retention.records.columns.approvedAt'),
        t('retention.records.columns.approvedBy'),
        t('retention.records.columns.asOf'),
        t('retention.records.columns.counts'),
        t('retention.records.columns.rules'),
        { label: t('retention.records.columns.caseNumbers'), className: 'min-w-48' },
      ]}
      rows={records}
      empty={t('retention.records.empty')}
    >
      {(record) => (
        <tr key={record.id}>
          <Td className="whitespace-nowrap">{formatDateTime(record.approvedAt, language)}</Td>
          <Td>{record.approvedBy.displayName ?? ''}</Td>
          <Td>
            <DateText value={record.asOf} />
          </Td>
          <Td>
            {t('retention.records.counts', {
              cases: record.caseCount,
              consultations: record.consultationCount,
              persons: record.personCount,
            })}
          </Td>
          <Td>{t('retention.records.rules', record.rules)}</Td>
          <Td className="break-all">
            {record.caseNumbers.length > 0
              ? record.caseNumbers.join(t('common.listSeparator'))
              : t('common.none')}
          </Td>
        </tr>
      )}
    </DataTable>
  );
}

/** 廃棄記録 (`/audit/disposals`, the auditor): every approved disposal, and the same as CSV. */
export function DisposalRecordsPage() {
  const { t } = useTranslation();
  const records = useDisposalRecords();
  const exporter = useExportDisposalRecords();
  return (
    <>
      <PageHeading lead={t('retention.records.lead')}>{t('retention.records.title')}</PageHeading>
      <div className="flex flex-col gap-8">
        <Section
          id="disposal-export"
          title={t('retention.records.downloadTitle')}
          size="hidden"
          className="flex flex-col gap-3"
        >
          <p className="text-std-16N-170 text-solid-gray-700">{t('retention.records.downloadNote')}</p>
          <div className="flex flex-wrap gap-4">
            {(['utf-8', 'shift_jis'] as const).map((encoding) => (
              <Button
                key={encoding}
                variant="outline"
                aria-disabled={exporter.isPending || undefined}
                onClick={() => {
                  if (!exporter.isPending) exporter.mutate(encoding);
                }}
              >
                {exporter.isPending && exporter.variables === encoding
                  ? t('retention.records.downloading')
                  : encoding === 'utf-8'
                    ? t('retention.records.downloadCsv')
                    : t('retention.records.downloadCsvSjis')}
              </Button>
            ))}
          </div>
          {exporter.isError ? (
            <Alert tone="error" title={t('retention.records.downloadFailed')}>
              {problemMessage(exporter.error, t)}
            </Alert>
          ) : exporter.isSuccess ? (
            <Alert tone="success" title={t('retention.records.downloaded', { name: exporter.data })} />
          ) : null}
        </Section>
        <QueryView query={records}>{(data) => <DisposalRecordsTable records={data.items} />}</QueryView>
      </div>
    </>
  );
}
