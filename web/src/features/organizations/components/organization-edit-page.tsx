import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../../../src/contract/organizations.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { useGoWithFlash } from '../../../lib/go-with-flash.ts';
import { useOrganization } from '../api/list-organizations.ts';
import { type OrganizationUpdate, useUpdateOrganization } from '../api/update-organization.ts';
import { OrganizationForm, type OrganizationFormOutput } from './organization-form.tsx';
import '../../../lib/i18n/admin.bundle.ts';

/** Only the fields the user touched go into the PATCH; `contact` travels whole. */
function changesOf(values: OrganizationFormOutput, changed: ReadonlySet<string>): OrganizationUpdate {
  const changes: OrganizationUpdate = {};
  if (changed.has('name')) changes.name = values.name;
  if (changed.has('nameKana')) changes.nameKana = values.nameKana ?? '';
  if (changed.has('kind')) changes.kind = values.kind;
  if (changed.has('isCoordinatingSection')) changes.isCoordinatingSection = values.isCoordinatingSection;
  if (changed.has('isCouncilMember')) changes.isCouncilMember = values.isCouncilMember;
  if (changed.has('contact')) changes.contact = values.contact;
  return changes;
}

function BackLink() {
  const { t } = useTranslation();
  return <RouteLink to="/admin/organizations">{t('common.backToList')}</RouteLink>;
}

/** 組織の編集 (`/admin/organizations/:organizationId`). */
export function OrganizationEditPage({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const organization = useOrganization(organizationId);

  if (organization.isPending) {
    return (
      <>
        <PageHeading>{t('organizations.editTitle')}</PageHeading>
        <Loading />
      </>
    );
  }
  if (organization.isError) {
    return (
      <>
        <PageHeading>{t('organizations.editTitle')}</PageHeading>
        <QueryError error={organization.error} onRetry={() => void organization.refetch()} />
      </>
    );
  }
  if (!organization.data) {
    return (
      <>
        <PageHeading>{t('organizations.editTitle')}</PageHeading>
        <div className="flex flex-col gap-6">
          <Alert tone="error" title={t('organizations.notFound')} />
          <BackLink />
        </div>
      </>
    );
  }
  return <OrganizationEditor organization={organization.data} />;
}

function OrganizationEditor({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const goWithFlash = useGoWithFlash();
  const update = useUpdateOrganization();
  const heading = t('organizations.editHeading', { name: organization.name });

  const finish = (name: string) => {
    goWithFlash(t('organizations.updated', { name }), { to: '/admin/organizations' });
  };

  return (
    <>
      <PageHeading documentTitle={t('organizations.editTitle')}>{heading}</PageHeading>
      <div className="flex flex-col gap-6">
        {organization.disabledAt ? (
          <Alert tone="info" live={false} title={t('organizations.disabledNotice')} />
        ) : null}
        {organization.abilities.update ? (
          <OrganizationForm
            defaultValues={{
              name: organization.name,
              nameKana: organization.nameKana ?? '',
              kind: organization.kind,
              isCoordinatingSection: organization.isCoordinatingSection,
              isCouncilMember: organization.isCouncilMember,
              contact: {
                phone: organization.contact.phone ?? '',
                email: organization.contact.email ?? '',
                address: organization.contact.address ?? '',
              },
            }}
            submitLabel={t('common.save')}
            submitting={update.isPending}
            error={update.error}
            onSubmit={(values, changed) => {
              const changes = changesOf(values, changed);
              if (Object.keys(changes).length === 0) {
                finish(organization.name);
                return;
              }
              update.mutate({ id: organization.id, changes }, { onSuccess: (saved) => finish(saved.name) });
            }}
            cancel={<BackLink />}
          />
        ) : (
          <>
            <Alert tone="warning" live={false} title={t('organizations.cannotEdit')} />
            <BackLink />
          </>
        )}
      </div>
    </>
  );
}
