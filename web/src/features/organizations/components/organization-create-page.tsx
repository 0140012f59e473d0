import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { useGoWithFlash } from '../../../lib/go-with-flash.ts';
import { useCreateOrganization } from '../api/create-organization.ts';
import { emptyOrganizationValues, OrganizationForm } from './organization-form.tsx';
import '../../../lib/i18n/admin.bundle.ts';

/** 組織の登録 (`/admin/organizations/new`). */
export function OrganizationCreatePage() {
  const { t } = useTranslation();
  const goWithFlash = useGoWithFlash();
  const create = useCreateOrganization();

  return (
    <>
      <PageHeading documentTitle={t('organizations.createTitle')}>
        {t('organizations.createHeading')}
      </PageHeading>
      <OrganizationForm
        defaultValues={emptyOrganizationValues}
        submitLabel={t('organizations.create')}
        submitting={create.isPending}
        error={create.error}
        onSubmit={(values) =>
          create.mutate(values, {
            onSuccess: (saved) => {
              goWithFlash(t('organizations.created', { name: saved.name }), { to: '/admin/organizations' });
            },
          })
        }
        cancel={<RouteLink to="/admin/organizations">{t('common.backToList')}</RouteLink>}
      />
    </>
  );
}
