import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placementStages } from '../../../../../src/domain/resources/placement.ts';
import { QueryDataTable } from '../../../components/query-data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { MessageOptions } from '../../../components/ui/message-options.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { FilterSelectField, NamedOptions } from '../../../components/ui/select-field.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { filterBinder } from '../../../lib/filter-binder.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { useResources } from '../../resources/api/list-resources.ts';
import { type PlacementFilter, usePlacements } from '../api/placements.ts';
import { PlacementStageBadge } from './placements-panel.tsx';
import '../../../lib/i18n/participation.bundle.ts';

/** 参加支援の一覧 (`/placements`): placements across the cases I take part in, by stage and resource. */
export function PlacementListPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<PlacementFilter>({});
  const placements = usePlacements(filter);
  const resources = useResources({ includeInactive: true });
  const filterSelect = useFieldWiring(
    filterBinder(filter, (patch) => setFilter({ ...filter, ...patch }), t('participation.list.any')),
    { idPrefix: 'placement-filter', textPrefix: 'participation.list' },
  );
  return (
    <>
      <PageHeading lead={t('participation.list.lead')}>{t('participation.list.heading')}</PageHeading>
      <div className="flex flex-col gap-6">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 print:hidden">
          <FilterSelectField {...filterSelect('stage')}>
            <MessageOptions codes={placementStages} textPrefix="participation.stages" />
          </FilterSelectField>
          <FilterSelectField {...filterSelect('resourceId', { text: 'resource' })}>
            <NamedOptions items={resources.data?.items ?? []} />
          </FilterSelectField>
        </div>
        <QueryDataTable
          query={placements}
          caption={t('participation.list.caption')}
          columns={[
            t('participation.list.caseNumber'),
            t('participation.list.person'),
            t('participation.list.resource'),
            t('participation.placements.kind'),
            t('participation.list.stage'),
            t('participation.list.lastEvent'),
          ]}
          empty={t('participation.list.empty')}
        >
          {(placement) => {
            const last = placement.events[placement.events.length - 1];
            return (
              <tr key={placement.id}>
                <Th scope="row" className="whitespace-nowrap">
                  <RouteLink
                    to="/cases/$caseId"
                    params={{ caseId: placement.caseId }}
                    search={{ tab: 'participation' }}
                  >
                    {placement.caseNumber}
                  </RouteLink>
                </Th>
                <Td className="break-keep">{placement.person.name}</Td>
                <Td>{placement.resource.name}</Td>
                <Td>{t(`participation.kinds.${placement.kind}`)}</Td>
                <Td>
                  <PlacementStageBadge stage={placement.stage} />
                </Td>
                <Td>
                  {last ? (
                    <span className="flex flex-wrap gap-x-2">
                      <DateText value={last.occurredOn} />
                      <span>{t(`participation.events.${last.kind}`)}</span>
                    </span>
                  ) : (
                    t('common.none')
                  )}
                </Td>
              </tr>
            );
          }}
        </QueryDataTable>
      </div>
    </>
  );
}
