import { useTranslation } from 'react-i18next';
import type { User } from '../../../../../src/contract/users.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import { AdminListPage } from '../../../components/admin-list.tsx';
import { EnabledBadge, RowActions, useEnableToggle } from '../../../components/enable-toggle.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { FilterSelectField, Options } from '../../../components/ui/select-field.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { useFlash } from '../../../lib/flash.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { formatDateTime } from '../../../lib/wareki.ts';
import { useDisableUser } from '../api/disable-user.ts';
import { useEnableUser } from '../api/enable-user.ts';
import { useOrganizationOptions } from '../api/list-organization-options.ts';
import { useUsers } from '../api/list-users.ts';
import '../../../lib/i18n/admin.bundle.ts';

export type UserListFilterProps = {
  organizationId: string | undefined;
  includeDisabled: boolean;
  onFilterChange: (filter: { organizationId: string | undefined; includeDisabled: boolean }) => void;
};

function isLocked(user: User, now: number): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
}

/** ユーザー管理: the users table with filters, and register / edit / disable / enable as the server allows. */
export function UserListPage({ organizationId, includeDisabled, onFilterChange }: UserListFilterProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const canManage = useCan('user.manage');
  const canReadOrganizations = useCan('organization.read');
  const flash = useFlash();
  const users = useUsers({ organizationId, includeDisabled });
  const organizations = useOrganizationOptions({ enabled: canReadOrganizations });
  const toggle = useEnableToggle({
    enable: useEnableUser(),
    disable: useDisableUser(),
    messages: 'users',
    nameOf: (user: User) => user.displayName,
  });
  const now = clock.now().getTime();

  return (
    <AdminListPage
      messages="users"
      createTo="/admin/users/new"
      canCreate={canManage}
      message={toggle.done ?? flash}
      dialog={toggle.dialog}
    >
      <div className="flex flex-wrap items-end gap-x-8 gap-y-4">
        {canReadOrganizations ? (
          <div className="w-full max-w-[28rem]">
            <FilterSelectField
              id="users-filter-organization"
              label={t('users.filterOrganization')}
              anyLabel={t('users.allOrganizations')}
              value={organizationId}
              onValueChange={(organizationId) => onFilterChange({ organizationId, includeDisabled })}
            >
              <Options
                items={organizations.data ?? []}
                value={(option) => option.id}
                label={(option) =>
                  option.disabled ? t('users.disabledOrganizationOption', { name: option.name }) : option.name
                }
              />
            </FilterSelectField>
          </div>
        ) : null}
        <Checkbox
          id="users-include-disabled"
          label={t('users.includeDisabled')}
          checked={includeDisabled}
          onChange={(event) =>
            onFilterChange({ organizationId, includeDisabled: event.currentTarget.checked })
          }
        />
      </div>

      <QueryView query={users}>
        {(data) => (
          <DataTable
            caption={t('users.tableCaption')}
            captionDetail={t('common.itemCount', { count: data.length })}
            columns={[
              t('users.loginId'),
              t('users.displayName'),
              t('users.organization'),
              t('users.roles'),
              t('users.status'),
              t('users.lastSignIn'),
              t('common.actions'),
            ]}
            rows={data}
            empty={t('users.empty')}
          >
            {(user) => (
              <tr key={user.id} className={user.disabledAt ? 'bg-solid-gray-50' : undefined}>
                <Td className="font-mono">{user.loginId}</Td>
                <Th scope="row" className="break-keep sm:whitespace-nowrap">
                  {user.displayName}
                </Th>
                <Td>{user.organization.name}</Td>
                <Td>{user.roles.map((role) => t(`role.${role}`)).join(t('common.listSeparator'))}</Td>
                <Td>
                  <span className="flex flex-wrap gap-2">
                    <EnabledBadge record={user} />
                    {isLocked(user, now) ? <Badge tone="warning">{t('users.locked')}</Badge> : null}
                  </span>
                </Td>
                <Td className="whitespace-nowrap">
                  {user.lastSignInAt ? formatDateTime(user.lastSignInAt, language) : t('common.never')}
                </Td>
                <Td>
                  <RowActions>
                    {user.abilities.update ? (
                      <RouteLink
                        to="/admin/users/$userId"
                        params={{ userId: user.id }}
                        aria-label={t('common.actionFor', {
                          action: t('common.edit'),
                          name: user.displayName,
                        })}
                      >
                        {t('common.edit')}
                      </RouteLink>
                    ) : null}
                    {user.abilities.disable ? toggle.button(user) : null}
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
