import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { useGoWithFlash } from '../../../lib/go-with-flash.ts';
import { useResource } from '../api/get-resource.ts';
import { useSaveResource } from '../api/save-resource.ts';
import { emptyResourceValues, ResourceForm, resourceValuesOf } from './resource-form.tsx';
import '../../../lib/i18n/resources.bundle.ts';

/** 社会資源の登録 (`/resources/new`) */
export function ResourceCreatePage() {
  const { t } = useTranslation();
  const goWithFlash = useGoWithFlash();
  const save = useSaveResource();
  return (
    <>
      <PageHeading>{t('resources.form.createHeading')}</PageHeading>
      <ResourceForm
        defaultValues={emptyResourceValues}
        submitting={save.isPending}
        error={save.error}
        onSubmit={(body) =>
          save.mutate(
            { body },
            {
              onSuccess: (saved) => {
                goWithFlash(t('resources.detail.created', { name: saved.name }), {
                  to: '/resources/$resourceId',
                  params: { resourceId: saved.id },
                });
              },
            },
          )
        }
        cancel={<RouteLink to="/resources">{t('resources.detail.backToList')}</RouteLink>}
      />
    </>
  );
}

/** 社会資源の編集 (`/resources/$resourceId/edit`) */
export function ResourceEditPage({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const goWithFlash = useGoWithFlash();
  const save = useSaveResource();
  const resource = useResource(resourceId);
  if (resource.isPending) return <Loading />;
  if (resource.isError) return <QueryError error={resource.error} />;
  const r = resource.data;
  return (
    <>
      <PageHeading>{t('resources.form.editHeading')}</PageHeading>
      <ResourceForm
        defaultValues={resourceValuesOf(r)}
        submitting={save.isPending}
        error={save.error}
        onSubmit={(body) =>
          save.mutate(
            { id: r.id, body },
            {
              onSuccess: (saved) => {
                goWithFlash(t('resources.detail.updated', { name: saved.name }), {
                  to: '/resources/$resourceId',
                  params: { resourceId: saved.id },
                });
              },
            },
          )
        }
        cancel={
          <RouteLink to="/resources/$resourceId" params={{ resourceId: r.id }}>
            {t('common.cancel')}
          </RouteLink>
        }
      />
    </>
  );
}
