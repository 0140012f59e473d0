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
      <section aria-labelledby="resource-locations" className="flex flex-col gap-3">
        <h2 id="resource-locations" className="text-std-20B-150">
          {t('resources.detail.locations')}
        </h2>
        {r.locations.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {r.locations.map((l) => (
              <li key={JSON.stringify(l)} className="rounded-8 border border-solid-gray-420 p-4">
                {l.name ? <p className="text-std-16B-170">{l.name}</p> : null}
                {l.address ? <p>{l.address}</p> : null}
                <p>
                  {t('resources.form.schoolDistrict')}：{l.schoolDistrict ?? t('common.none')}　
                  {t('resources.form.district')}：{l.district ?? t('common.none')}
                </p>
                {l.transportation ? <p>{l.transportation}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="resource-schedules" className="flex flex-col gap-3">
        <h2 id="resource-schedules" className="text-std-20B-150">
          {t('resources.detail.schedules')}
        </h2>
        {r.schedules.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <ul className="list-disc pl-6">
            {r.schedules.map((s) => (
              <li key={JSON.stringify(s)}>{scheduleText(s, t)}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="resource-contacts" className="flex flex-col gap-3">
        <h2 id="resource-contacts" className="text-std-20B-150">
          {t('resources.detail.contacts')}
        </h2>
        {r.contacts.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <ul className="list-disc pl-6">
            {r.contacts.map((c) => (
              <li key={JSON.stringify(c)}>
                {[c.department, c.title, c.name, c.phone, c.email].filter(Boolean).join('　')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <RouteLink to="/resources">{t('resources.detail.backToList')}</RouteLink>
    </RecordDetail>
  );
}
