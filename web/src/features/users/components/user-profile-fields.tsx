import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { OrganizationSelect } from './organization-select.tsx';
import { RoleCheckboxes } from './role-checkboxes.tsx';
import '../../../lib/i18n/admin.bundle.ts';

/** What the user fields take of the create and edit forms (`useServerCheckedForm`). */
export type UserProfileForm = {
  registerField: (name: 'displayName') => UseFormRegisterReturn & { error?: string | undefined };
  register: {
    (name: 'organizationId'): UseFormRegisterReturn<'organizationId'>;
    (name: 'roles'): UseFormRegisterReturn<'roles'>;
  };
  errors: { organizationId?: { message?: string }; roles?: { message?: string } };
};

/**
 * Who a user is, as both user forms ask it: 表示名, 所属 (with the user's `currentOrganization`
 * kept even if since disabled) and 役割.
 */
export function UserProfileFields({
  form,
  currentOrganization,
}: {
  form: UserProfileForm;
  currentOrganization?: { id: string; name: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id="user-display-name"
        label={t('users.displayName')}
        required
        autoComplete="off"
        {...form.registerField('displayName')}
      />
      <OrganizationSelect
        id="user-organization"
        registration={form.register('organizationId')}
        error={form.errors.organizationId?.message}
        current={currentOrganization}
      />
      <RoleCheckboxes
        idPrefix="user"
        registration={form.register('roles')}
        error={form.errors.roles?.message}
      />
    </>
  );
}

/** 「次回ログイン時にパスワードの変更を求める」 under 「ログイン」, as both user forms offer it. */
export function MustChangePasswordChoice({
  registration,
}: {
  registration: UseFormRegisterReturn<'mustChangePassword'>;
}) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup legend={t('users.signInLegend')} supportText={t('users.mustChangePasswordSupport')}>
      <Checkbox id="user-must-change-password" label={t('users.mustChangePassword')} {...registration} />
    </CheckboxGroup>
  );
}
