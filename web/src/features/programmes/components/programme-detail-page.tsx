import { useTranslation } from 'react-i18next';
import { RecordDetail } from '../../../components/record-detail.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { useFlash } from '../../../lib/flash.ts';
import { useProgramme } from '../api/list-programmes.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

/** 取組の詳細: summary, responsible section, challenges (再掲 marked), related organisations, indicators. */
export function ProgrammeDetailPage({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const programme = useProgramme(programmeId);
  if (programme.isPending) return <Loading />;
  if (programme.isError)
    return <QueryError error={programme.error} onRetry={() => void programme.refetch()} />;
  const p = programme.data;
  if (!p) {
    return (
      <>
        <PageHeading>{t('recidivism.programmes.notFound')}</PageHeading>
        <RouteLink to="/programmes">{t('recidivism.programmes.backToList')}</RouteLink>
      </>
    );
  }
  return (
    <RecordDetail
      name={p.name}
      lead={t('recidivism.programmes.detailLead')}
      edit={
        p.abilities.update
          ? {
              label: t('recidivism.programmes.edit'),
              link: { to: '/programmes/$programmeId/edit', params: { programmeId: p.id } },
            }
          : null
      }
      flash={flash}
    >
      <DescriptionList
        empty={t('common.none')}
        items={[
          { term: t('recidivism.programmes.summary'), value: p.summary },
          { term: t('recidivism.programmes.section'), value: p.responsibleSection.name },
          {
            term: t('recidivism.programmes.challengesListed'),
            value: (
              <ul className="flex flex-col gap-1">
                {p.challenges.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center gap-2">
                    {t('recidivism.programmes.challengeListed', { position: c.position, title: c.title })}
                    {c.isRepeat ? <Badge tone="muted">{t('recidivism.plan.repeat')}</Badge> : null}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            term: t('recidivism.programmes.relatedOrganizations'),
            value: p.relatedOrganizations.map((o) => o.name).join('、'),
          },
          {
            term: t('recidivism.programmes.indicators'),
            value: p.indicators.length ? (
              <ul className="flex flex-col gap-1">
                {p.indicators.map((indicator) => (
                  <li key={indicator.name}>
                    {indicator.unit
                      ? t('recidivism.programmes.indicatorWithUnit', {
                          name: indicator.name,
                          unit: indicator.unit,
                        })
                      : indicator.name}
                  </li>
                ))}
              </ul>
            ) : null,
          },
          { term: t('recidivism.programmes.externalKey'), value: p.externalKey },
        ]}
      />
      <RouteLink to="/programmes" className="print:hidden">
        {t('recidivism.programmes.backToList')}
      </RouteLink>
    </RecordDetail>
  );
}
