import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateCell } from '../../../components/ui/date-cell.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { ShowMore } from '../../../components/ui/show-more.tsx';
import { Td } from '../../../components/ui/table.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { useSupportReports } from '../api/list-support-reports.ts';
import '../../../lib/i18n/casework.bundle.ts';

/** 支援報告: every organisation's reports against the plan items, newest first. */
export function SupportReportsPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const reports = useSupportReports(caseId);
  const items = reports.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h2 className="text-std-24B-150 text-solid-gray-900">{t('supportReports.heading')}</h2>
        <p>{t('supportReports.lead')}</p>
      </div>
      <QueryView query={reports}>
        {(_data) => (
          <>
            <DataTable
              caption={t('supportReports.caption')}
              captionDetail={t('cases.loadedCount', { count: items.length })}
              columns={textsUnder(t, 'supportReports', [
                'supportedOn',
                'organization',
                'item',
                'content',
                'result',
                'reportedBy',
              ])}
              rows={items}
              empty={t('supportReports.empty')}
            >
              {(report) => (
                <tr key={report.id}>
                  <DateCell value={report.supportedOn} rowHeader />
                  <Td>{report.organizationName}</Td>
                  <Td>
                    {t('supportReports.itemVersion', {
                      content: report.planItemContent,
                      version: report.planVersion,
                    })}
                  </Td>
                  <Td className="whitespace-pre-wrap">{report.content}</Td>
                  <Td>{codeName('reportResult', report.result)}</Td>
                  <Td className="break-keep sm:whitespace-nowrap">{report.reportedBy.displayName}</Td>
                </tr>
              )}
            </DataTable>
            <ShowMore query={reports} label={t('cases.more')} loadingLabel={t('cases.loadingMore')} />
          </>
        )}
      </QueryView>
    </div>
  );
}
