import { useTranslation } from 'react-i18next';
import type { User } from '../../../../../src/contract/users.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import { AdminListPage } from '../../../components/admin-list.tsx';
import { AdminTable } from '../../../components/admin-table.tsx';
import { EnabledBadge, useEnableToggle } from '../../../components/enable-toggle.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { FilterSelectField, Options } from '../../../components/ui/select-field.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
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
    <AdminListPage messages="users" canCreate={canManage} toggle={toggle}>
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

      <AdminTable
        messages="users"
        query={users}
        columns={textsUnder(t, 'users', [
          'loginId',
          'displayName',
          'organization',
          'roles',
          'status',
          'lastSignIn',
        ])}
        toggle={toggle}
        editLink={(user) => ({ to: '/admin/users/$userId', params: { userId: user.id } })}
      >
        {(user) => (
          <>
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
          </>
        )}
      </AdminTable>
    </AdminListPage>
  );
}
