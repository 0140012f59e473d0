import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { ButtonLink } from '../../../components/ui/button-link.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateCell } from '../../../components/ui/date-cell.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { PagedQueryView } from '../../../components/ui/paged-query-view.tsx';
import { fullName, KanaLine } from '../../../components/ui/person-name.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { useFlash } from '../../../lib/flash.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { useConsultations } from '../api/list-consultations.ts';
import { useCounterOptions } from '../api/list-counter-options.ts';
import type { ConsultationListFilter } from '../consultation-filter.ts';
import { ConsultationFilterForm } from './consultation-filter-form.tsx';
import { ConsultationStatusBadge } from './consultation-status-badge.tsx';
import { TopicList } from './topic-list.tsx';
import '../../../lib/i18n/casework.bundle.ts';

export type ConsultationListPageProps = {
  filter: ConsultationListFilter;
  onFilterChange: (filter: ConsultationListFilter) => void;
};

/**
 * 相談一覧 (`/consultations?from=&to=&organizationId=&channel=&topic=&outcome=&status=`): my counter's
 * consultations and those referred to it, newest first, narrowed by the filter in the address.
 */
export function ConsultationListPage({ filter, onFilterChange }: ConsultationListPageProps) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const canCreate = useCan('consultation.create');
  const flash = useFlash();
  const consultations = useConsultations(filter);
  const counters = useCounterOptions();

  return (
    <>
      <PageHeading
        lead={t('consultations.listLead')}
        actions={
          canCreate ? <ButtonLink to="/consultations/new">{t('consultations.create')}</ButtonLink> : null
        }
      >
        {t('consultations.listHeading')}
      </PageHeading>
      <div className="flex flex-col gap-6">
        {flash ? <Alert tone="success" title={flash} /> : null}
        <ConsultationFilterForm
          // a new address (a link followed, the filter cleared) starts the form afresh
          key={JSON.stringify(filter)}
          filter={filter}
          counters={counters.data}
          onFilterChange={onFilterChange}
        />

        <PagedQueryView query={consultations} moreLabel={t('consultations.showMore')}>
          {(items) => (
            <>
              <DataTable
                caption={t('consultations.tableCaption')}
                captionDetail={t('consultations.shownCount', { count: items.length })}
                columns={[
                  t('consultations.receivedOn'),
                  { label: t('consultations.person'), className: 'min-w-36' },
                  t('consultations.topics'),
                  t('consultations.channel'),
                  t('consultations.counter'),
                  t('consultations.statusLabel'),
                ]}
                rows={items}
                empty={t('consultations.empty')}
              >
                {(item) => (
                  <tr key={item.id}>
                    <DateCell value={item.receivedOn} />
                    <Th scope="row">
                      <RouteLink
                        to="/consultations/$consultationId"
                        params={{ consultationId: item.id }}
                        className="break-keep sm:whitespace-nowrap"
                      >
                        {fullName(item.person)}
                      </RouteLink>
                      <KanaLine person={item.person} />
                      {item.person.age !== null ? (
                        <span className="block text-std-16N-170 text-solid-gray-700">
                          {t('dateText.age', { age: item.person.age })}
                        </span>
                      ) : null}
                    </Th>
                    <Td>
                      <TopicList topics={item.topics} mainTopic={item.mainTopic} />
                    </Td>
                    <Td className="whitespace-nowrap">{codeName('consultationChannel', item.channel)}</Td>
                    <Td>
                      <span className="flex flex-col items-start gap-1">
                        {item.organization.name}
                        {item.direction === 'referredToUs' ? (
                          <Badge tone="info">{t('consultations.referredToUs')}</Badge>
                        ) : null}
                      </span>
                    </Td>
                    <Td>
                      <ConsultationStatusBadge status={item.status} />
                    </Td>
                  </tr>
                )}
              </DataTable>
              {consultations.isError ? (
                <QueryError error={consultations.error} onRetry={() => void consultations.fetchNextPage()} />
              ) : null}
            </>
          )}
        </PagedQueryView>
      </div>
    </>
  );
}
