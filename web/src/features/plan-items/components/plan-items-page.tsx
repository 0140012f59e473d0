import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as clock from '../../../../../src/domain/clock.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { DueDateText, DueStatusBadge } from '../../../components/ui/due-date.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { PathLink } from '../../../components/ui/path-link.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
import { useMyPlanItems } from '../api/list-my-plan-items.ts';
import { SupportReportForm } from './support-report-form.tsx';
import '../../../lib/i18n/casework.bundle.ts';

/** 担当の支援項目: my organisation's items across cases, and a 支援報告 form for the one chosen. */
export function PlanItemsPage() {
  const { t } = useTranslation();
  const today = clock.today();
  const items = useMyPlanItems();
  const [selected, setSelected] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const list = items.data?.pages.flatMap((page) => page.items) ?? [];
  const chosen = list.find((item) => item.id === selected);

  return (
    <>
      <PageHeading documentTitle={t('planItems.pageTitle')} lead={t('planItems.lead')}>
        {t('planItems.heading')}
      </PageHeading>
      <div className="flex flex-col gap-8">
        {saved ? <Alert tone="success" title={saved} /> : null}
        <QueryView query={items}>
          {(_data) => (
            <>
              <DataTable
                caption={t('planItems.caption')}
                captionDetail={t('common.itemCount', { count: list.length })}
                columns={[
                  ...textsUnder(t, 'planItems', [
                    'caseNumber',
                    'person',
                    'content',
                    'frequency',
                    'lastReportedOn',
                    'due',
                  ]),
                  t('common.actions'),
                ]}
                rows={list}
                empty={t('planItems.empty')}
              >
                {(item) => (
                  <tr key={item.id} className={item.id === selected ? 'bg-blue-50' : undefined}>
                    <Td className="whitespace-nowrap">
                      <PathLink href={`/cases/${item.caseId}`}>{item.caseNumber}</PathLink>
                    </Td>
                    <Td className="break-keep sm:whitespace-nowrap">{item.personName}</Td>
                    <Th scope="row" className="whitespace-pre-wrap">
                      {item.content}
                    </Th>
                    <Td className="whitespace-nowrap">{item.frequency ?? ''}</Td>
                    <Td className="whitespace-nowrap">
                      {item.lastReportedOn ? (
                        <DateText value={item.lastReportedOn} />
                      ) : (
                        t('planItems.noReport')
                      )}
                    </Td>
                    <Td>
                      <span className="flex flex-col items-start gap-1">
                        <DueDateText due={{ dueOn: item.reportDueOn, nominalOn: item.reportNominalDueOn }} />
                        {item.reportDue ? (
                          <DueStatusBadge dueOn={item.reportDueOn} today={today} />
                        ) : (
                          <Badge tone="success">{t('planItems.onTime')}</Badge>
                        )}
                      </span>
                    </Td>
                    <Td className="whitespace-nowrap">
                      {item.abilities.report ? (
                        <Button
                          variant="outline"
                          size="sm"
                          aria-label={t('planItems.reportFor', {
                            content: item.content,
                            caseNumber: item.caseNumber,
                          })}
                          aria-expanded={item.id === selected}
                          aria-controls={item.id === selected ? 'support-report-heading' : undefined}
                          onClick={() => {
                            setSaved(null);
                            setSelected(item.id);
                          }}
                        >
                          {t('planItems.report')}
                        </Button>
                      ) : null}
                    </Td>
                  </tr>
                )}
              </DataTable>
              {items.hasNextPage ? (
                <div>
                  <Button
                    variant="outline"
                    onClick={() => void items.fetchNextPage()}
                    aria-disabled={items.isFetchingNextPage || undefined}
                  >
                    {t('planItems.more')}
                  </Button>
                </div>
              ) : null}
            </>
          )}
        </QueryView>
        {chosen ? (
          <SupportReportForm
            key={chosen.id}
            item={chosen}
            onClose={() => setSelected(null)}
            onSaved={(content) => {
              setSelected(null);
              setSaved(t('planItems.saved', { content }));
            }}
          />
        ) : null}
      </div>
    </>
  );
}
