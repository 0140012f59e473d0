import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participationBases } from '../../../../../src/contract/cases.ts';
import {
  type CaseStage,
  caseStageLabels,
  caseStages,
  isOpenStage,
} from '../../../../../src/domain/caseStage.ts';
import { labelOf } from '../../../../../src/domain/codeLists.ts';
import { toIsoDate } from '../../../../../src/domain/wareki.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { DueDateText, DueStatusBadge } from '../../../components/ui/due-date.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { textLinkClassName } from '../../../components/ui/text-link.ts';
import { type CaseListFilter, useCases } from '../api/list-cases.ts';
import { CaseStageBadge } from './case-stage-badge.tsx';

export type CaseListPageProps = {
  filter: CaseListFilter;
  onFilterChange: (filter: CaseListFilter) => void;
};

/** 事例一覧: the cases my organisation takes part in, searchable by 事例番号 or フリガナ and by 段階. */
export function CaseListPage({ filter, onFilterChange }: CaseListPageProps) {
  const { t } = useTranslation();
  const cases = useCases(filter);
  const [q, setQ] = useState(filter.q ?? '');
  const [stage, setStage] = useState<CaseStage | ''>(filter.stage ?? '');
  const today = toIsoDate(new Date());
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onFilterChange({ q: q.trim() || undefined, stage: stage || undefined });
  };

  return (
    <>
      <PageHeading documentTitle={t('cases.pageTitle')} lead={t('cases.lead')}>
        {t('cases.heading')}
      </PageHeading>

      <div className="flex flex-col gap-6">
        <search>
          <form
            onSubmit={submit}
            aria-label={t('cases.searchLegend')}
            className="flex flex-wrap items-end gap-x-8 gap-y-4"
          >
            <div className="w-full max-w-[28rem]">
              <TextField
                id="cases-q"
                label={t('cases.q')}
                supportText={t('cases.qSupport')}
                value={q}
                onChange={(event) => setQ(event.currentTarget.value)}
                autoComplete="off"
              />
            </div>
            <div className="w-full max-w-[18rem]">
              <SelectField
                id="cases-stage"
                label={t('cases.stage')}
                value={stage}
                onChange={(event) => setStage(event.currentTarget.value as CaseStage | '')}
              >
                <option value="">{t('cases.allStages')}</option>
                {caseStages.map((code) => (
                  <option key={code} value={code}>
                    {caseStageLabels[code]}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="flex flex-wrap gap-4">
              <Button type="submit">{t('cases.search')}</Button>
              {filter.q || filter.stage ? (
                <Button
                  variant="text"
                  onClick={() => {
                    setQ('');
                    setStage('');
                    onFilterChange({});
                  }}
                >
                  {t('cases.clear')}
                </Button>
              ) : null}
            </div>
          </form>
        </search>

        {cases.isPending ? (
          <Loading />
        ) : cases.isError ? (
          <QueryError error={cases.error} onRetry={() => void cases.refetch()} />
        ) : (
          <>
            <Table
              caption={t('cases.tableCaption')}
              captionDetail={t('cases.loadedCount', { count: items.length })}
            >
              <thead>
                <tr>
                  <Th scope="col">{t('cases.caseNumber')}</Th>
                  <Th scope="col">{t('cases.person')}</Th>
                  <Th scope="col">{t('cases.stage')}</Th>
                  <Th scope="col">{t('cases.householdFlags')}</Th>
                  <Th scope="col">{t('cases.acceptedOn')}</Th>
                  <Th scope="col">{t('cases.nextMonitoringOn')}</Th>
                  <Th scope="col">{t('cases.myParticipation')}</Th>
                  <Th scope="col">{t('cases.assignee.column')}</Th>
                </tr>
              </thead>
              <tbody>
                {items.length === 0 ? (
                  <tr>
                    <Td colSpan={8}>{t('cases.empty')}</Td>
                  </tr>
                ) : (
                  items.map((item) => {
                    return (
                      <tr key={item.id}>
                        <Th scope="row" className="whitespace-nowrap">
                          <Link
                            to="/cases/$caseId"
                            params={{ caseId: item.id }}
                            className={textLinkClassName}
                          >
                            {item.caseNumber}
                          </Link>
                        </Th>
                        <Td>
                          <span className="flex flex-col">
                            <span className="break-keep sm:whitespace-nowrap text-std-16B-170">
                              {item.person.name}
                            </span>
                            <span className="break-keep sm:whitespace-nowrap text-solid-gray-700">
                              {item.person.kana}
                            </span>
                          </span>
                        </Td>
                        <Td>
                          <CaseStageBadge stage={item.stage} label={item.stageLabel} />
                        </Td>
                        <Td>
                          {item.householdFlags.length > 0 ? (
                            <span className="flex flex-wrap gap-2">
                              {item.householdFlags.map((flag) => (
                                <Badge key={flag.code} tone="neutral">
                                  {flag.label}
                                </Badge>
                              ))}
                            </span>
                          ) : (
                            t('common.none')
                          )}
                        </Td>
                        <Td className="whitespace-nowrap">
                          <DateText value={item.acceptedOn} />
                        </Td>
                        <Td>
                          {item.nextMonitoringOn && item.nextMonitoringDueOn ? (
                            <span className="flex flex-col items-start gap-1">
                              <DueDateText
                                due={{ nominalOn: item.nextMonitoringOn, dueOn: item.nextMonitoringDueOn }}
                              />
                              {isOpenStage(item.stage) ? (
                                <DueStatusBadge dueOn={item.nextMonitoringDueOn} today={today} />
                              ) : null}
                            </span>
                          ) : (
                            t('common.none')
                          )}
                        </Td>
                        <Td>
                          {item.myParticipation
                            .map((basis) => labelOf(participationBases, basis))
                            .join(t('common.listSeparator'))}
                        </Td>
                        <Td className="break-keep sm:whitespace-nowrap">
                          {item.assignedUser?.name ?? t('cases.assignee.none')}
                        </Td>
                      </tr>
                    );
                  })
                )}
              </tbody>
            </Table>
            {cases.hasNextPage ? (
              <div>
                <Button
                  variant="outline"
                  onClick={() => void cases.fetchNextPage()}
                  aria-disabled={cases.isFetchingNextPage || undefined}
                >
                  {cases.isFetchingNextPage ? t('cases.loadingMore') : t('cases.more')}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
