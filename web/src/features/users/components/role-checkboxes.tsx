import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../../src/domain/permissions.ts';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { MessageCheckboxes } from '../../../components/ui/message-checkboxes.tsx';
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
      <MessageCheckboxes
        codes={roles}
        textPrefix="role"
        idPrefix={`${idPrefix}-role`}
        registration={registration}
      />
    </CheckboxGroup>
  );
}
