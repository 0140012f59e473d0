import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../../../src/contract/organizations.ts';
import { AdminListPage } from '../../../components/admin-list.tsx';
import { AdminTable } from '../../../components/admin-table.tsx';
import { EnabledBadge, useEnableToggle } from '../../../components/enable-toggle.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { useCan } from '../../../lib/me-context.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
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
  const organizations = useOrganizations({ includeDisabled });
  const toggle = useEnableToggle({
    enable: useEnableOrganization(),
    disable: useDisableOrganization(),
    messages: 'organizations',
    nameOf: (organization: Organization) => organization.name,
  });

  return (
    <AdminListPage messages="organizations" canCreate={canManage} toggle={toggle}>
      <Checkbox
        id="organizations-include-disabled"
        label={t('organizations.includeDisabled')}
        checked={includeDisabled}
        onChange={(event) => onIncludeDisabledChange(event.currentTarget.checked)}
      />

      <AdminTable
        messages="organizations"
        query={organizations}
        columns={textsUnder(t, 'organizations', ['name', 'kind', 'flags', 'status'])}
        toggle={toggle}
        editLink={(organization) => ({
          to: '/admin/organizations/$organizationId',
          params: { organizationId: organization.id },
        })}
      >
        {(organization) => (
          <>
            <Th scope="row">
              <span className="block text-std-16B-170">{organization.name}</span>
              {organization.nameKana ? (
                <span className="block text-std-16N-170 text-solid-gray-700">{organization.nameKana}</span>
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
          </>
        )}
      </AdminTable>
    </AdminListPage>
  );
}
