import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../../../src/contract/organizations.ts';
import { AdminListPage } from '../../../components/admin-list.tsx';
import { EnabledBadge, RowActions, useEnableToggle } from '../../../components/enable-toggle.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { useFlash } from '../../../lib/flash.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { useDisableOrganization } from '../api/disable-organization.ts';
import { useEnableOrganization } from '../api/enable-organization.ts';
import { useOrganizations } from '../api/list-organizations.ts';
import '../../../lib/i18n/admin.bundle.ts';

export type OrganizationListPageProps = {
  includeDisabled: boolean;
  onIncludeDisabledChange: (includeDisabled: boolean) => void;
};

/** 組織管理: the organisations table, with register / edit / disable / enable as the server allows. */
export function OrganizationListPage({
  includeDisabled,
  onIncludeDisabledChange,
}: OrganizationListPageProps) {
  const { t } = useTranslation();
  const canManage = useCan('organization.manage');
  const flash = useFlash();
  const organizations = useOrganizations({ includeDisabled });
  const toggle = useEnableToggle({
    enable: useEnableOrganization(),
    disable: useDisableOrganization(),
    messages: 'organizations',
    nameOf: (organization: Organization) => organization.name,
  });

  return (
    <AdminListPage
      messages="organizations"
      createTo="/admin/organizations/new"
      canCreate={canManage}
      message={toggle.done ?? flash}
      dialog={toggle.dialog}
    >
      <Checkbox
        id="organizations-include-disabled"
        label={t('organizations.includeDisabled')}
        checked={includeDisabled}
        onChange={(event) => onIncludeDisabledChange(event.currentTarget.checked)}
      />

      <QueryView query={organizations}>
        {(data) => (
          <DataTable
            caption={t('organizations.tableCaption')}
            captionDetail={t('common.itemCount', { count: data.length })}
            columns={[
              t('organizations.name'),
              t('organizations.kind'),
              t('organizations.flags'),
              t('organizations.status'),
              t('common.actions'),
            ]}
            rows={data}
            empty={t('organizations.empty')}
          >
            {(organization) => (
              <tr key={organization.id} className={organization.disabledAt ? 'bg-solid-gray-50' : undefined}>
                <Th scope="row">
                  <span className="block text-std-16B-170">{organization.name}</span>
                  {organization.nameKana ? (
                    <span className="block text-std-16N-170 text-solid-gray-700">
                      {organization.nameKana}
                    </span>
                  ) : null}
                </Th>
                <Td className="whitespace-nowrap">{t(`organizationKind.${organization.kind}`)}</Td>
                <Td>
                  <span className="flex flex-wrap gap-2">
                    {organization.isCoordinatingSection ? (
                      <Badge tone="info">{t('organizationFlag.isCoordinatingSection')}</Badge>
                    ) : null}
                    {organization.isCouncilMember ? (
                      <Badge tone="info">{t('organizationFlag.isCouncilMember')}</Badge>
                    ) : null}
                  </span>
                </Td>
                <Td>
                  <EnabledBadge record={organization} />
                </Td>
                <Td>
                  <RowActions>
                    {organization.abilities.update ? (
                      <RouteLink
                        to="/admin/organizations/$organizationId"
                        params={{ organizationId: organization.id }}
                        aria-label={t('common.actionFor', {
                          action: t('common.edit'),
                          name: organization.name,
                        })}
                      >
                        {t('common.edit')}
                      </RouteLink>
                    ) : null}
                    {organization.abilities.disable ? toggle.button(organization) : null}
                  </RowActions>
                </Td>
              </tr>
            )}
          </DataTable>
        )}
      </QueryView>
    </AdminListPage>
  );
}
