import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import type { DefaultValues, FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type OrganizationInput,
  organizationInputSchema,
} from '../../../../../src/contract/organizations.ts';
import { organizationKinds } from '../../../../../src/domain/organization.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { FormErrorSummary } from '../../../components/ui/error-summary.tsx';
import { MessageOptions } from '../../../components/ui/message-options.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import '../../../lib/i18n/admin.bundle.ts';

export type OrganizationFormValues = OrganizationInput;
export type OrganizationFormOutput = z.output<typeof organizationInputSchema>;

const fields: readonly FieldPath<OrganizationFormValues>[] = [
  'name',
  'nameKana',
  'kind',
  'isCoordinatingSection',
  'isCouncilMember',
  'contact.phone',
  'contact.email',
  'contact.address',
  'contact',
];

/** A new organisation starts with no kind chosen, so the select asks for one. */
export const emptyOrganizationValues: DefaultValues<OrganizationFormValues> = {
  name: '',
  nameKana: '',
  isCoordinatingSection: false,
  isCouncilMember: false,
  contact: { phone: '', email: '', address: '' },
};

export type OrganizationFormProps = {
  defaultValues: DefaultValues<OrganizationFormValues>;
  submitLabel: string;
  submitting: boolean;
  /** The last failed save; its field errors are placed on the fields. */
  error: unknown;
  /** Called with the validated values and the names of the fields the user changed. */
  onSubmit: (values: OrganizationFormOutput, changed: ReadonlySet<string>) => void;
  /** Where "cancel" goes (a link rendered by the page). */
  cancel: ReactNode;
};

/**
 * Create / edit form for an organisation, validated in the browser with the same zod schema
 * the server uses; server-side field errors are shown on the same fields.
 */
export function OrganizationForm({
  defaultValues,
  submitLabel,
  submitting,
  error,
  onSubmit,
  cancel,
}: OrganizationFormProps) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    formState: { dirtyFields },
    errors,
    unplaced,
    invalid,
    registerField,
  } = useServerCheckedForm<OrganizationFormValues, OrganizationFormOutput>({
    resolver: zodResolver(organizationInputSchema),
    defaultValues,
    serverError: error,
    serverFields: fields,
    serverConflict: { problem: 'conflict.organizationNameTaken', field: 'name' },
  });
  const field = useFieldWiring(registerField, { idPrefix: 'organization', textPrefix: 'organizations' });

  const submit = handleSubmit((values) => {
    if (submitting) return;
    const changed = new Set<string>(Object.keys(dirtyFields));
    onSubmit(values, changed);
  });

  return (
    <form noValidate onSubmit={submit} className="flex max-w-[48rem] flex-col gap-8">
      <FormErrorSummary error={error} unplaced={unplaced} invalid={invalid} />

      <TextField {...field('name')} required autoComplete="organization" />
      <TextField {...field('nameKana', { support: 'nameKanaSupport' })} />
      <SelectField {...field('kind')} required>
        <option value="">{t('organizations.kindPlaceholder')}</option>
        <MessageOptions codes={organizationKinds} textPrefix="organizationKind" />
      </SelectField>

      <CheckboxGroup
        legend={t('organizations.flagsLegend')}
        error={errors.isCoordinatingSection?.message ?? errors.isCouncilMember?.message}
      >
        <Checkbox
          id="organization-is-coordinating-section"
          label={t('organizationFlag.isCoordinatingSection')}
          {...register('isCoordinatingSection')}
        />
        <Checkbox
          id="organization-is-council-member"
          label={t('organizationFlag.isCouncilMember')}
          {...register('isCouncilMember')}
        />
      </CheckboxGroup>

      <fieldset className="flex flex-col gap-6">
        <legend className="mb-4 text-std-20B-150 text-solid-gray-900">{t('organizations.contact')}</legend>
        <TextField
          {...field('contact.phone', { text: 'phone', support: 'phoneSupport' })}
          type="tel"
          autoComplete="tel"
        />
        <TextField
          {...field('contact.email', { text: 'email' })}
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <TextField {...field('contact.address', { text: 'address' })} autoComplete="street-address" />
      </fieldset>

      <div className="flex flex-wrap items-center gap-6">
        <Button type="submit" aria-disabled={submitting || undefined}>
          {submitting ? t('common.saving') : submitLabel}
        </Button>
        {cancel}
      </div>
    </form>
  );
}
