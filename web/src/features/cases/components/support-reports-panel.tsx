import { useTranslation } from 'react-i18next';
import { labelOf, reportResults } from '../../../../../src/domain/codeLists.ts';
import { Button } from '../../../components/ui/button.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { useSupportReports } from '../api/list-support-reports.ts';

/** 支援報告: every organisation's reports against the plan items, newest first. */
export function SupportReportsPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const reports = useSupportReports(caseId);
  const items = reports.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h2 className="text-std-24B-150 text-solid-gray-900">{t('supportReports.heading')}</h2>
        <p>{t('supportReports.lead')}</p>
      </div>
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <>
          <Table
            caption={t('supportReports.caption')}
            captionDetail={t('cases.loadedCount', { count: items.length })}
          >
            <thead>
              <tr>
                <Th scope="col">{t('supportReports.supportedOn')}</Th>
                <Th scope="col">{t('supportReports.organization')}</Th>
                <Th scope="col">{t('supportReports.item')}</Th>
                <Th scope="col">{t('supportReports.content')}</Th>
                <Th scope="col">{t('supportReports.result')}</Th>
                <Th scope="col">{t('supportReports.reportedBy')}</Th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 ? (
                <tr>
                  <Td colSpan={6}>{t('supportReports.empty')}</Td>
                </tr>
              ) : (
                items.map((report) => (
                  <tr key={report.id}>
                    <Th scope="row" className="whitespace-nowrap">
                      <DateText value={report.supportedOn} />
                    </Th>
                    <Td>{report.organizationName}</Td>
                    <Td>
                      {t('supportReports.itemVersion', {
                        content: report.planItemContent,
                        version: report.planVersion,
                      })}
                    </Td>
                    <Td className="whitespace-pre-wrap">{report.content}</Td>
                    <Td>{labelOf(reportResults, report.result)}</Td>
                    <Td className="break-keep sm:whitespace-nowrap">{report.reportedBy.displayName}</Td>
                  </tr>
                ))
              )}
            </tbody>
          </Table>
          {reports.hasNextPage ? (
            <div>
              <Button
                variant="outline"
                onClick={() => void reports.fetchNextPage()}
                aria-disabled={reports.isFetchingNextPage || undefined}
              >
                {reports.isFetchingNextPage ? t('cases.loadingMore') : t('cases.more')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
