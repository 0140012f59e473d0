import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participationBases } from '../../../../../src/contract/cases.ts';
import { type CaseStage, caseStages, isOpenStage } from '../../../../../src/domain/caseStage.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import { householdFlags, issueAreas, labelOf } from '../../../../../src/domain/codeLists.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateCell } from '../../../components/ui/date-cell.tsx';
import { DueDateText, DueStatusBadge } from '../../../components/ui/due-date.tsx';
import { MessageOptions } from '../../../components/ui/message-options.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { FilterSelectField, Options, SelectField } from '../../../components/ui/select-field.tsx';
import { ShowMore } from '../../../components/ui/show-more.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { problemMessage } from '../../../lib/problem-message.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { useExportCases } from '../api/export-cases.ts';
import { useCases } from '../api/list-cases.ts';
import type { CaseListFilter } from '../case-filter.ts';
import { CaseStageBadge } from './case-stage-badge.tsx';
import { NoContactDaysOptions } from './no-contact-days-options.tsx';
import '../../../lib/i18n/casework.bundle.ts';
import '../../../lib/i18n/codes.bundle.ts';
import '../../../lib/i18n/stats.bundle.ts';

/** One of the 絞り込み selects under the search box: 「指定なし」 first, which clears the filter. */
function CaseFilterSelect({
  id,
  filter,
  value,
  onValueChange,
  children,
}: {
  id: string;
  filter: 'householdFlag' | 'issueArea' | 'monitoring';
  value: string | undefined;
  onValueChange: (value: string | undefined) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="w-full max-w-[14rem]">
      <FilterSelectField
        id={id}
        label={t(`stats.caseFilters.${filter}`)}
        anyLabel={t('stats.caseFilters.any')}
        value={value}
        onValueChange={onValueChange}
      >
        {children}
      </FilterSelectField>
    </div>
  );
}

export type CaseListPageProps = {
  filter: CaseListFilter;
  onFilterChange: (filter: CaseListFilter) => void;
};

/**
 * 事例一覧: the cases my organisation takes part in, searchable by 氏名, フリガナ, 事例番号, 宛名番号 or
 * birth date, and filtered by 段階, 世帯類型, 課題の分野, monitoring, 担当職員 and days without a record.
 */
export function CaseListPage({ filter, onFilterChange }: CaseListPageProps) {
  const { t } = useTranslation();
  const cases = useCases(filter);
  const exporter = useExportCases();
  const [q, setQ] = useState(filter.q ?? '');
  const [stage, setStage] = useState<CaseStage | ''>(filter.stage ?? '');
  const [more, setMore] = useState<Omit<CaseListFilter, 'q' | 'stage'>>(() => {
    const { q: _q, stage: _stage, ...rest } = filter;
    return rest;
  });
  const setMoreField = <K extends keyof typeof more>(key: K, value: (typeof more)[K] | '') =>
    setMore((current) => ({ ...current, [key]: value === '' ? undefined : value }));
  const hasFilter = Object.values(filter).some((value) => value !== undefined);
  const today = clock.today();
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onFilterChange({ ...more, q: q.trim() || undefined, stage: stage || undefined });
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
                <MessageOptions codes={caseStages} textPrefix="codes.caseStage" />
              </SelectField>
            </div>
            <fieldset className="flex w-full flex-wrap items-end gap-x-8 gap-y-4">
              <legend className="mb-2 text-std-16B-170 text-solid-gray-900">
                {t('stats.caseFilters.legend')}
              </legend>
              <CaseFilterSelect
                id="cases-household-flag"
                filter="householdFlag"
                value={more.householdFlag}
                onValueChange={(flag) =>
                  setMoreField('householdFlag', flag as CaseListFilter['householdFlag'])
                }
              >
                <Options
                  items={householdFlags}
                  value={(flag) => flag.code}
                  label={(flag) => t(`codes.householdFlag.${flag.code}`)}
                />
              </CaseFilterSelect>
              <CaseFilterSelect
                id="cases-issue-area"
                filter="issueArea"
                value={more.issueArea}
                onValueChange={(area) => setMoreField('issueArea', area)}
              >
                <Options
                  items={issueAreas}
                  value={(area) => area.code}
                  label={(area) => t(`codes.issueArea.${area.code}`)}
                />
              </CaseFilterSelect>
              <CaseFilterSelect
                id="cases-monitoring"
                filter="monitoring"
                value={more.monitoring}
                onValueChange={(monitoring) =>
                  setMoreField('monitoring', monitoring as CaseListFilter['monitoring'])
                }
              >
                <option value="overdue">{t('stats.caseFilters.monitoringOverdue')}</option>
                <option value="dueSoon">{t('stats.caseFilters.monitoringDueSoon')}</option>
              </CaseFilterSelect>
              <div className="w-full max-w-[14rem]">
                <SelectField
                  id="cases-assignee"
                  label={t('stats.caseFilters.assignee')}
                  value={more.unassigned === 'true' ? 'none' : more.assignedToMe === 'true' ? 'me' : ''}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setMore((current) => ({
                      ...current,
                      unassigned: value === 'none' ? 'true' : undefined,
                      assignedToMe: value === 'me' ? 'true' : undefined,
                    }));
                  }}
                >
                  <option value="">{t('stats.caseFilters.any')}</option>
                  <option value="me">{t('stats.caseFilters.assignedToMe')}</option>
                  <option value="none">{t('stats.caseFilters.unassigned')}</option>
                </SelectField>
              </div>
              <div className="w-full max-w-[16rem]">
                <SelectField
                  id="cases-no-contact"
                  label={t('stats.caseFilters.noContactDays')}
                  value={more.noContactDays ? String(more.noContactDays) : ''}
                  onChange={(event) =>
                    setMoreField(
                      'noContactDays',
                      event.currentTarget.value === '' ? '' : Number(event.currentTarget.value),
                    )
                  }
                >
                  <option value="">{t('stats.caseFilters.any')}</option>
                  <NoContactDaysOptions current={filter.noContactDays} />
                </SelectField>
              </div>
            </fieldset>
            <div className="flex flex-wrap gap-4">
              <Button type="submit">{t('cases.search')}</Button>
              {hasFilter ? (
                <Button
                  variant="text"
                  onClick={() => {
                    setQ('');
                    setStage('');
                    setMore({});
                    onFilterChange({});
                  }}
                >
                  {t('cases.clear')}
                </Button>
              ) : null}
            </div>
          </form>
        </search>

        <Section
          id="cases-export"
          title={t('cases.export.heading')}
          size="hidden"
          className="flex flex-col gap-3"
        >
          <p className="text-std-16N-170 text-solid-gray-700">{t('cases.export.note')}</p>
          <div className="flex flex-wrap gap-4">
            {(['csv', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                variant="outline"
                aria-disabled={exporter.isPending || undefined}
                onClick={() => {
                  if (!exporter.isPending) exporter.mutate({ filter, format });
                }}
              >
                {exporter.isPending && exporter.variables?.format === format
                  ? t('cases.export.downloading')
                  : t(`cases.export.${format}`)}
              </Button>
            ))}
          </div>
          {exporter.isError ? (
            <Alert tone="error" title={t('cases.export.failed')}>
              {problemMessage(exporter.error, t)}
            </Alert>
          ) : exporter.isSuccess ? (
            <Alert tone="success" title={t('cases.export.done', { name: exporter.data })} />
          ) : null}
        </Section>

        <QueryView query={cases}>
          {(_data) => (
            <>
              <DataTable
                caption={t('cases.tableCaption')}
                captionDetail={t('cases.loadedCount', { count: items.length })}
                columns={[
                  ...textsUnder(t, 'cases', [
                    'caseNumber',
                    'person',
                    'stage',
                    'householdFlags',
                    'acceptedOn',
                    'nextMonitoringOn',
                    'myParticipation',
                  ]),
                  t('cases.assignee.column'),
                ]}
                rows={items}
                empty={t('cases.empty')}
              >
                {(item) => {
                  return (
                    <tr key={item.id}>
                      <Th scope="row" className="whitespace-nowrap">
                        <RouteLink to="/cases/$caseId" params={{ caseId: item.id }}>
                          {item.caseNumber}
                        </RouteLink>
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
                        <CaseStageBadge stage={item.stage} />
                      </Td>
                      <Td>
                        {item.householdFlags.length > 0 ? (
                          <span className="flex flex-wrap gap-2">
                            {item.householdFlags.map((flag) => (
                              <Badge key={flag} tone="neutral">
                                {t(`codes.householdFlag.${flag}`)}
                              </Badge>
                            ))}
                          </span>
                        ) : (
                          t('common.none')
                        )}
                      </Td>
                      <DateCell value={item.acceptedOn} />
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
                }}
              </DataTable>
              <ShowMore query={cases} label={t('cases.more')} loadingLabel={t('cases.loadingMore')} />
            </>
          )}
        </QueryView>
      </div>
    </>
  );
}
