import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../../src/domain/permissions.ts';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import '../../../lib/i18n/admin.bundle.ts';

/** The 役割 checkboxes of the user forms; the form's `register('roles')` is shared by every box. */
export function RoleCheckboxes({
  idPrefix,
  registration,
  error,
}: {
  idPrefix: string;
  registration: UseFormRegisterReturn<'roles'>;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup legend={t('users.roles')} required error={error}>
      {roles.map((role) => (
        <Checkbox
          key={role}
          id={`${idPrefix}-role-${role}`}
          value={role}
          label={t(`role.${role}`)}
          {...registration}
        />
      ))}
    </CheckboxGroup>
  );
}
