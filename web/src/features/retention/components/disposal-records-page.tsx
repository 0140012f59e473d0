import { useTranslation } from 'react-i18next';
import type { DisposalRecord } from '../../../../../src/contract/retention.ts';
import { CsvDownloadSection } from '../../../components/csv-download-section.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Td } from '../../../components/ui/table.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
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
        <CsvDownloadSection
          id="disposal-export"
          text={(key, values) => t(`retention.records.${key}`, values)}
          exporter={exporter}
        />
        <QueryView query={records}>{(data) => <DisposalRecordsTable records={data.items} />}</QueryView>
      </div>
    </>
  );
}
