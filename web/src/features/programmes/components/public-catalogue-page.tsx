import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { SummaryText } from '../../../components/ui/summary-text.tsx';
import { usePublicProgrammes } from '../api/list-public-programmes.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

/** The plan's programme catalogue for anyone (no sign-in): the plan is a public document. */
export function PublicCataloguePage() {
  const { t } = useTranslation();
  const catalogue = usePublicProgrammes();
  if (catalogue.isPending) return <Loading />;
  if (catalogue.isError) {
    return (
      <div className="mx-auto flex max-w-[64rem] flex-col gap-6">
        <PageHeading>{t('recidivism.publicCatalogue.heading')}</PageHeading>
        <Alert tone="info" title={t('recidivism.publicCatalogue.unavailable')} />
        <RouteLink to="/signin">{t('recidivism.publicCatalogue.signIn')}</RouteLink>
      </div>
    );
  }
  const { plan, challenges } = catalogue.data;
  return (
    <div className="mx-auto flex max-w-[64rem] flex-col gap-8">
      <PageHeading lead={t('recidivism.publicCatalogue.lead', { plan: plan.name, period: plan.periodLabel })}>
        {t('recidivism.publicCatalogue.heading')}
      </PageHeading>
      {plan.parentPlan ? <p>{t('recidivism.publicCatalogue.parent', { parent: plan.parentPlan })}</p> : null}
      {challenges.map((c) => (
        <section
          key={c.position}
          aria-labelledby={`public-challenge-${c.position}`}
          className="flex flex-col gap-4"
        >
          <h2 id={`public-challenge-${c.position}`} className="text-std-24B-150 text-solid-gray-900">
            {t('recidivism.plan.challengeHeading', { position: c.position, title: c.title })}
          </h2>
          {c.programmes.length === 0 ? <p>{t('ui.catalogue.noProgrammes')}</p> : null}
          <ul className="flex flex-col gap-4">
            {c.programmes.map((p) => (
              <li
                key={`${p.name}-${p.section}`}
                className="flex flex-col gap-1 border-l-4 border-solid-gray-420 pl-4"
              >
                <h3 className="flex flex-wrap items-center gap-2 text-std-17B-170 text-solid-gray-900">
                  {p.name}
                  {p.isRepeat ? <Badge tone="muted">{t('recidivism.plan.repeat')}</Badge> : null}
                </h3>
                <SummaryText text={p.summary} />
                <p className="text-std-16N-170 text-solid-gray-700">
                  {t('recidivism.publicCatalogue.section', { section: p.section })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <RouteLink to="/signin" className="print:hidden">
        {t('recidivism.publicCatalogue.signIn')}
      </RouteLink>
    </div>
  );
}
