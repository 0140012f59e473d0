import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ButtonLink } from '../../../components/ui/button-link.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { FlashStatus } from '../../../components/ui/flash-status.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { FilterSelectField, Options } from '../../../components/ui/select-field.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFlash } from '../../../lib/flash.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
import { useResources } from '../api/list-resources.ts';
import { schoolDistrictNames, useResourceSearchForm } from '../resource-search-form.ts';
import { ResourceArea } from './resource-area.tsx';
import { ResourceNeedKindFilters } from './resource-options.tsx';
import '../../../lib/i18n/resources.bundle.ts';

/** The search fields chosen from a list. */
/** 社会資源: search the directory by words, need, kind, 校区 (near first) and 地区. */
export function ResourceListPage() {
  const { t } = useTranslation();
  const canManage = useCan('resource.manage');
  const flash = useFlash();
  const { draft, search, set, filterSelect, submit, clear } = useResourceSearchForm(
    {},
    { anyLabel: t('resources.list.any'), idPrefix: 'resource', textPrefix: 'resources.list' },
  );
  const resources = useResources(search);
  const districts = resources.data?.areas.districts ?? [];
  const schoolDistricts = schoolDistrictNames(districts);
  const items = resources.data?.items ?? [];

  return (
    <>
      <PageHeading
        lead={t('resources.list.lead')}
        actions={
          canManage ? (
            <>
              <ButtonLink to="/resources/new">{t('resources.list.create')}</ButtonLink>
              <ButtonLink to="/resources/import" variant="outline">
                {t('resources.list.import')}
              </ButtonLink>
            </>
          ) : null
        }
      >
        {t('resources.list.heading')}
      </PageHeading>
      <div className="flex flex-col gap-6">
        <FlashStatus message={flash} />
        <form
          onSubmit={submit}
          className="flex flex-col gap-4 print:hidden"
          aria-label={t('resources.list.searchLegend')}
        >
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <TextField
              id="resource-q"
              label={t('resources.list.q')}
              supportText={t('resources.list.qSupport')}
              value={draft.q ?? ''}
              onChange={(event) => set({ q: event.currentTarget.value })}
            />
            <FilterSelectField {...filterSelect('schoolDistrict', { support: 'schoolDistrictSupport' })}>
              <Options items={schoolDistricts} value={(name) => name} label={(name) => name} />
            </FilterSelectField>
            <ResourceNeedKindFilters select={filterSelect} />
            <FilterSelectField {...filterSelect('district')}>
              <Options items={districts} value={(d) => d.name} label={(d) => d.name} />
            </FilterSelectField>
          </div>
          <Checkbox
            id="resource-include-inactive"
            label={t('resources.list.includeInactive')}
            checked={draft.includeInactive ?? false}
            onChange={(event) => set({ includeInactive: event.currentTarget.checked })}
          />
          <div className="flex flex-wrap gap-4">
            <Button type="submit" variant="solid-fill">
              {t('resources.list.search')}
            </Button>
            <Button type="button" variant="outline" onClick={clear}>
              {t('resources.list.clear')}
            </Button>
          </div>
        </form>
        {resources.isPending ? (
          <Loading />
        ) : resources.isError ? (
          <QueryError error={resources.error} onRetry={() => void resources.refetch()} />
        ) : (
          <DataTable
            caption={t('resources.list.tableCaption')}
            captionDetail={t('common.itemCount', { count: items.length })}
            columns={textsUnder(t, 'resources.list', ['name', 'kinds', 'area', 'organization', 'status'])}
            rows={items}
            empty={t('resources.list.empty')}
          >
            {(item) => (
              <tr key={item.id}>
                <Th scope="row">
                  <RouteLink to="/resources/$resourceId" params={{ resourceId: item.id }}>
                    {item.name}
                  </RouteLink>
                </Th>
                <Td>
                  <ul className="flex flex-wrap gap-1">
                    {item.kinds.map((kind) => (
                      <li key={kind}>
                        <Badge tone="info">{t(`resources.kinds.${kind}`)}</Badge>
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td>
                  <ResourceArea resource={item} />
                </Td>
                <Td>{item.organization.name}</Td>
                <Td className="whitespace-nowrap">
                  {item.status === 'active' ? (
                    t(`resources.statuses.${item.status}`)
                  ) : (
                    <Badge tone="warning">{t(`resources.statuses.${item.status}`)}</Badge>
                  )}
                </Td>
              </tr>
            )}
          </DataTable>
        )}
      </div>
    </>
  );
}
