import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { useGoWithFlash } from '../../../lib/go-with-flash.ts';
import { useChallenges } from '../api/list-challenges.ts';
import { useProgramme } from '../api/list-programmes.ts';
import { useSectionOptions } from '../api/list-section-options.ts';
import { useUpdateProgramme } from '../api/update-programme.ts';
import { ProgrammeForm, programmeValuesOf } from './programme-form.tsx';
import '../../../lib/i18n/recidivism.bundle.ts';

/** 取組の編集 (`/programmes/$programmeId/edit`) */
export function ProgrammeEditPage({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const goWithFlash = useGoWithFlash();
  const update = useUpdateProgramme();
  const programme = useProgramme(programmeId);
  const challenges = useChallenges();
  const organizations = useSectionOptions();
  if (programme.isPending || challenges.isPending || organizations.isPending) return <Loading />;
  if (programme.isError || challenges.isError || organizations.isError)
    return <QueryError error={programme.error ?? challenges.error ?? organizations.error} />;
  if (!programme.data) return <PageHeading>{t('recidivism.programmes.notFound')}</PageHeading>;
  const p = programme.data;
  return (
    <>
      <PageHeading>{t('recidivism.programmes.editHeading', { name: p.name })}</PageHeading>
      <ProgrammeForm
        defaultValues={programmeValuesOf(p)}
        challenges={challenges.data}
        organizations={organizations.data}
        submitting={update.isPending}
        error={update.error}
        onSubmit={(input) =>
          update.mutate(
            { id: p.id, input },
            {
              onSuccess: (saved) => {
                goWithFlash(t('recidivism.programmes.updated', { name: saved.name }), {
                  to: '/programmes/$programmeId',
                  params: { programmeId: saved.id },
                });
              },
            },
          )
        }
        cancel={
          <RouteLink to="/programmes/$programmeId" params={{ programmeId: p.id }}>
            {t('common.cancel')}
          </RouteLink>
        }
      />
    </>
  );
}
