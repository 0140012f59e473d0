import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityActivityList } from '../../../../../src/contract/community.ts';
import { today } from '../../../../../src/domain/clock.ts';
import { fiscalYearOf, formatFiscalYear } from '../../../../../src/domain/fiscalYear.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { ButtonLink } from '../../../components/ui/button-link.tsx';
import { DataTable, TableHead } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { FlashStatus } from '../../../components/ui/flash-status.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Options, SelectField } from '../../../components/ui/select-field.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { useFlash } from '../../../lib/flash.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { useCommunityActivities } from '../api/community.ts';
import '../../../lib/i18n/resources.bundle.ts';

const indicators = ['bases', 'participants', 'organizations', 'sessions'] as const;

function Totals({ list }: { list: CommunityActivityList }) {
  const { t } = useTranslation();
  return (
    <Table caption={t('resources.community.totalsCaption', { year: list.fiscalYearLabel })}>
      <TableHead
        columns={[t('resources.community.indicator'), list.fiscalYearLabel, list.previous.fiscalYearLabel]}
      />
      <tbody>
        {indicators.map((key) => (
          <tr key={key}>
            <Th scope="row">{t(`resources.community.totals.${key}`)}</Th>
            <Td className="text-right tabular-nums">{list.totals[key].toLocaleString('ja-JP')}</Td>
            <Td className="text-right tabular-nums">{list.previous.totals[key].toLocaleString('ja-JP')}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** 地域づくり: activities at local 拠点 by 年度, with the state's indicators (拠点数・参加者数・参加機関数). */
export function CommunityListPage() {
  const { t } = useTranslation();
  const flash = useFlash();
  const current = fiscalYearOf(today());
  const [fiscalYear, setFiscalYear] = useState(current);
  const list = useCommunityActivities(fiscalYear);
  const years = [current, current - 1, current - 2, current - 3];

  return (
    <>
      <PageHeading
        lead={t('resources.community.lead')}
        actions={
          list.data?.abilities.create ? (
            <ButtonLink to="/community/new">{t('resources.community.create')}</ButtonLink>
          ) : null
        }
      >
        {t('resources.community.heading')}
      </PageHeading>
      <div className="flex flex-col gap-8">
        <FlashStatus message={flash} />
        <div className="max-w-[20rem]">
          <SelectField
            id="community-year"
            label={t('resources.community.fiscalYear')}
            value={String(fiscalYear)}
            onChange={(event) => setFiscalYear(Number(event.currentTarget.value))}
          >
            <Options items={years} value={String} label={(y) => formatFiscalYear(y)} />
          </SelectField>
        </div>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Section id="community-totals" title={t('resources.community.totalsHeading')}>
              <p className="text-std-16N-170 text-solid-gray-700">{t('resources.community.totalsNote')}</p>
              <Totals list={list.data} />
            </Section>
            <Section id="community-activities" title={t('resources.community.activitiesHeading')}>
              <DataTable
                caption={t('resources.community.tableCaption', { year: list.data.fiscalYearLabel })}
                captionDetail={t('common.itemCount', { count: list.data.items.length })}
                columns={textsUnder(t, 'resources.community', [
                  'name',
                  'kind',
                  'place',
                  'sessions',
                  'participants',
                  'organizations',
                  'lastHeldOn',
                ])}
                rows={list.data.items}
                empty={t('resources.community.empty')}
              >
                {(item) => (
                  <tr key={item.id}>
                    <Th scope="row">
                      <RouteLink to="/community/$activityId" params={{ activityId: item.id }}>
                        {item.name}
                      </RouteLink>
                      {item.active ? null : (
                        <>
                          {' '}
                          <Badge tone="warning">{t('resources.community.ended')}</Badge>
                        </>
                      )}
                    </Th>
                    <Td>{t(`resources.community.kinds.${item.kind}`)}</Td>
                    <Td>
                      <div className="flex flex-col gap-1">
                        <span>{item.placeName}</span>
                        <span className="text-std-16N-170 text-solid-gray-700">
                          {[item.schoolDistrict, item.district].filter(Boolean).join('・')}
                        </span>
                      </div>
                    </Td>
                    <Td className="text-right tabular-nums">{item.year.sessions}</Td>
                    <Td className="text-right tabular-nums">{item.year.participants}</Td>
                    <Td className="text-right tabular-nums">{item.year.organizations}</Td>
                    <Td className="whitespace-nowrap">
                      {item.lastHeldOn ? <DateText value={item.lastHeldOn} /> : '—'}
                    </Td>
                  </tr>
                )}
              </DataTable>
            </Section>
          </>
        )}
      </div>
    </>
  );
}
