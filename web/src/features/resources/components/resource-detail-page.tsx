import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordDetail } from '../../../components/record-detail.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { useFlash } from '../../../lib/flash.ts';
import { useResource } from '../api/get-resource.ts';
import { scheduleText } from './resource-labels.ts';
import '../../../lib/i18n/resources.bundle.ts';

/** 社会資源の詳細: what, for whom, cost, how to apply, places with 校区/地区, hours, contacts. */
export function ResourceDetailPage({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const resource = useResource(resourceId);
  if (resource.isPending) return <Loading />;
  if (resource.isError) return <QueryError error={resource.error} onRetry={() => void resource.refetch()} />;
  const r = resource.data;
  const ages =
    r.minimumAge !== null && r.maximumAge !== null
      ? t('resources.detail.agesRange', {
          from: t('resources.detail.ageFrom', { age: r.minimumAge }),
          to: t('resources.detail.ageTo', { age: r.maximumAge }),
        })
      : r.minimumAge !== null
        ? t('resources.detail.ageFrom', { age: r.minimumAge })
        : r.maximumAge !== null
          ? t('resources.detail.ageTo', { age: r.maximumAge })
          : '';
  return (
    <RecordDetail
      name={r.name}
      lead={t('resources.detail.lead')}
      edit={
        r.abilities.update
          ? {
              label: t('resources.detail.edit'),
              link: { to: '/resources/$resourceId/edit', params: { resourceId: r.id } },
            }
          : null
      }
      flash={flash}
    >
      <ul className="flex flex-wrap gap-2" aria-label={t('resources.list.kinds')}>
        {r.kinds.map((kind) => (
          <li key={kind}>
            <Badge tone="info">{t(`resources.kinds.${kind}`)}</Badge>
          </li>
        ))}
        {r.status !== 'active' ? (
          <li>
            <Badge tone="warning">{t(`resources.statuses.${r.status}`)}</Badge>
          </li>
        ) : null}
      </ul>
      <DescriptionList
        empty={t('common.none')}
        items={[
          { term: t('resources.detail.description'), value: r.description },
          { term: t('resources.detail.organization'), value: r.organization.name },
          {
            term: t('resources.form.needsLegend'),
            value: r.needs.map((n) => t(`resources.needs.${n}`)).join('、'),
          },
          { term: t('resources.detail.eligibility'), value: r.eligibilityDescription ?? '' },
          { term: t('resources.detail.ages'), value: ages },
          { term: t('resources.detail.fees'), value: r.feesDescription ?? '' },
          { term: t('resources.detail.application'), value: r.applicationProcess ?? '' },
          { term: t('resources.detail.phone'), value: r.phone ?? r.organization.phone ?? '' },
          { term: t('resources.detail.email'), value: r.email ?? r.organization.email ?? '' },
          { term: t('resources.detail.url'), value: r.url ?? r.organization.website ?? '' },
          { term: t('resources.detail.assuredOn'), value: r.assuredOn ?? '' },
        ]}
      />
      <ListSection
        id="resource-locations"
        title={t('resources.detail.locations')}
        items={r.locations}
        listClassName="flex flex-col gap-3"
        itemClassName="rounded-8 border border-solid-gray-420 p-4"
      >
        {(l) => (
          <>
            {l.name ? <p className="text-std-16B-170">{l.name}</p> : null}
            {l.address ? <p>{l.address}</p> : null}
            <p>
              {t('resources.form.schoolDistrict')}：{l.schoolDistrict ?? t('common.none')}　
              {t('resources.form.district')}：{l.district ?? t('common.none')}
            </p>
            {l.transportation ? <p>{l.transportation}</p> : null}
          </>
        )}
      </ListSection>
      <ListSection id="resource-schedules" title={t('resources.detail.schedules')} items={r.schedules}>
        {(s) => scheduleText(s, t)}
      </ListSection>
      <ListSection id="resource-contacts" title={t('resources.detail.contacts')} items={r.contacts}>
        {(c) => [c.department, c.title, c.name, c.phone, c.email].filter(Boolean).join('　')}
      </ListSection>
      <RouteLink to="/resources">{t('resources.detail.backToList')}</RouteLink>
    </RecordDetail>
  );
}

/** A titled section of the detail page: its entries as a list, or 「なし」 when there are none. */
function ListSection<T>({
  id,
  title,
  items,
  listClassName = 'list-disc pl-6',
  itemClassName,
  children,
}: {
  id: string;
  title: string;
  items: readonly T[];
  listClassName?: string;
  itemClassName?: string;
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-std-20B-150">
        {title}
      </h2>
      {items.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul className={listClassName}>
          {items.map((item) => (
            <li key={JSON.stringify(item)} className={itemClassName}>
              {children(item)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
