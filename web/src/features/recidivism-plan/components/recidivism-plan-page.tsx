import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../../../src/contract/recidivismPlan.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { appendixUrl } from '../api/export-appendix.ts';
import { useRecidivismPlan } from '../api/get-recidivism-plan.ts';
import { usePlanProgrammes } from '../api/list-plan-programmes.ts';
import { ChallengesForm } from './challenges-form.tsx';
import { DownloadLinks } from './download-links.tsx';
import '../../../lib/i18n/recidivism.bundle.ts';

/** 再犯防止推進計画: the plan's header, its ordered challenges with their programmes (再掲 marked). */
export function RecidivismPlanPage() {
  const { t } = useTranslation();
  const plan = useRecidivismPlan();
  const programmes = usePlanProgrammes();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (plan.isPending || programmes.isPending) return <Loading />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (programmes.isError)
    return <QueryError error={programmes.error} onRetry={() => void programmes.refetch()} />;
  const p = plan.data;
  const under = (challengeId: string) =>
    programmes.data.flatMap((programme): { programme: Programme; isRepeat: boolean }[] => {
      const link = programme.challenges.find((c) => c.id === challengeId);
      return link ? [{ programme, isRepeat: link.isRepeat }] : [];
    });

  return (
    <>
      <PageHeading
        lead={t('recidivism.plan.lead')}
        actions={
          <Button variant="outline" onClick={() => window.print()}>
            {t('recidivism.plan.print')}
          </Button>
        }
      >
        {t('recidivism.plan.heading')}
      </PageHeading>
      <div className="flex flex-col gap-10">
        {notice ? <Alert tone="success" title={notice} /> : null}
        <Section id="plan-overview" title={t('recidivism.plan.overview')}>
          <DescriptionList
            empty={t('common.none')}
            items={[
              { term: t('recidivism.plan.name'), value: p.name },
              {
                term: t('recidivism.plan.period'),
                value: t('recidivism.plan.periodValue', {
                  label: p.periodLabel,
                  from: p.periodFromFiscalYear,
                  to: p.periodToFiscalYear,
                }),
              },
              { term: t('recidivism.plan.parentPlan'), value: p.parentPlan },
              { term: t('recidivism.plan.legalBasis'), value: p.legalBasis },
              { term: t('recidivism.plan.targetPopulation'), value: p.targetPopulation },
            ]}
          />
        </Section>

        {editing ? (
          <ChallengesForm
            challenges={p.challenges}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              setNotice(t('recidivism.challenges.saved'));
            }}
          />
        ) : (
          <section aria-labelledby="plan-challenges" className="flex flex-col gap-6">
            <div className="flex flex-wrap items-end justify-between gap-4">
              <h2 id="plan-challenges" className="text-std-24B-150 text-solid-gray-900">
                {t('recidivism.plan.challenges')}
              </h2>
              {p.abilities.manage ? (
                <Button
                  variant="outline"
                  onClick={() => {
                    setNotice(null);
                    setEditing(true);
                  }}
                >
                  {t('recidivism.plan.editChallenges')}
                </Button>
              ) : null}
            </div>
            <ol className="flex flex-col gap-6">
              {p.challenges.map((challenge) => {
                const listed = under(challenge.id);
                return (
                  <li
                    key={challenge.id}
                    className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4"
                  >
                    <h3 className="text-std-20B-150 text-solid-gray-900">
                      {t('recidivism.plan.challengeHeading', {
                        position: challenge.position,
                        title: challenge.title,
                      })}
                    </h3>
                    <p className="text-std-16N-170 text-solid-gray-700">
                      {t('recidivism.plan.programmeCount', { count: listed.length })}
                    </p>
                    {listed.length === 0 ? (
                      <p>{t('recidivism.plan.noProgrammes')}</p>
                    ) : (
                      <ul className="flex flex-col gap-2">
                        {listed.map(({ programme, isRepeat }) => (
                          <li key={programme.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                            <RouteLink to="/programmes/$programmeId" params={{ programmeId: programme.id }}>
                              {programme.name}
                            </RouteLink>
                            {isRepeat ? <Badge tone="muted">{t('recidivism.plan.repeat')}</Badge> : null}
                            <span className="text-std-16N-170 text-solid-gray-700">
                              {programme.responsibleSection.name}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        )}

        <Section
          id="plan-appendix"
          title={t('recidivism.plan.appendix')}
          className="flex flex-col gap-3 print:hidden"
        >
          <p>{t('recidivism.plan.appendixLead')}</p>
          <DownloadLinks what={t('recidivism.plan.appendixWhat')} urlOf={(format) => appendixUrl(format)} />
        </Section>
      </div>
    </>
  );
}
