import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { useGoWithFlash } from '../../../lib/go-with-flash.ts';
import { useCreateProgramme } from '../api/create-programme.ts';
import { useChallenges } from '../api/list-challenges.ts';
import { useSectionOptions } from '../api/list-section-options.ts';
import { emptyProgrammeValues, ProgrammeForm } from './programme-form.tsx';
import '../../../lib/i18n/recidivism.bundle.ts';

/** 取組の登録 (`/programmes/new`) */
export function ProgrammeCreatePage() {
  const { t } = useTranslation();
  const goWithFlash = useGoWithFlash();
  const create = useCreateProgramme();
  const challenges = useChallenges();
  const organizations = useSectionOptions();
  return (
    <>
      <PageHeading>{t('recidivism.programmes.createHeading')}</PageHeading>
      {challenges.isPending || organizations.isPending ? (
        <Loading />
      ) : challenges.isError || organizations.isError ? (
        <QueryError error={challenges.error ?? organizations.error} />
      ) : (
        <ProgrammeForm
          defaultValues={emptyProgrammeValues}
          challenges={challenges.data}
          organizations={organizations.data}
          submitting={create.isPending}
          error={create.error}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (saved) => {
                goWithFlash(t('recidivism.programmes.created', { name: saved.name }), {
                  to: '/programmes/$programmeId',
                  params: { programmeId: saved.id },
                });
              },
            })
          }
          cancel={<RouteLink to="/programmes">{t('recidivism.programmes.backToList')}</RouteLink>}
        />
      )}
    </>
  );
}
