import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { NamedOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useOrganizationOptions } from '../api/list-organization-options.ts';
import '../../../lib/i18n/admin.bundle.ts';

/**
 * 所属 select of the user forms: active organisations, plus the user's current one even if it
 * has since been disabled (so editing other fields does not silently move the user).
 */
export function OrganizationSelect({
  id,
  registration,
  error,
  current,
}: {
  id: string;
  registration: UseFormRegisterReturn<'organizationId'>;
  error?: string | undefined;
  current?: { id: string; name: string } | undefined;
}) {
  const { t } = useTranslation();
  const options = useOrganizationOptions();
  const list = (options.data ?? []).filter((option) => !option.disabled || option.id === current?.id);
  if (current && !list.some((option) => option.id === current.id))
    list.unshift({ ...current, disabled: false });

  return (
    <div className="flex flex-col gap-4">
      {options.isError ? (
        <Alert tone="error" title={t('users.organizationsUnavailable')}>
          <p>{problemMessage(options.error, t)}</p>
        </Alert>
      ) : null}
      <SelectField
        id={id}
        label={t('users.organization')}
        required
        error={error}
        aria-busy={options.isPending || undefined}
        {...registration}
      >
        <option value="">{t('users.organizationPlaceholder')}</option>
        <NamedOptions items={list} />
      </SelectField>
    </div>
  );
}
