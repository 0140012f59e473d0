import { zodResolver } from '@hookform/resolvers/zod';
import { type FieldPath, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Plan, type PlanInput, planInputSchema, planLinks } from '../../../../../src/contract/plans.ts';
import type { ResourceSummary } from '../../../../../src/contract/resources.ts';
import { RowFieldset } from '../../../components/row-fieldset.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { FormDateField } from '../../../components/ui/form-date-field.tsx';
import { MessageCheckboxes } from '../../../components/ui/message-checkboxes.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { NamedOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import type { OrganizationOption } from '../api/list-organization-options.ts';
import type { ProgrammeOptionGroup } from '../api/list-programme-options.ts';
import '../../../lib/i18n/casework.bundle.ts';

export type PlanValues = z.input<typeof planInputSchema>;

const emptyItem: PlanValues['items'][number] = {
  content: '',
  organizationId: '',
  frequency: '',
  periodFrom: '',
  periodTo: '',
  links: [],
  programmeId: null,
  resourceId: null,
};

/** The form starts from a version (the draft being edited, or the current plan being revised) or empty. */
export function planValuesOf(plan: Plan | undefined): PlanValues {
  if (!plan) {
    return {
      wishes: '',
      longTermGoal: '',
      shortTermGoals: '',
      nextMonitoringOn: '',
      items: [{ ...emptyItem }],
    };
  }
  return {
    wishes: plan.wishes,
    longTermGoal: plan.longTermGoal,
    shortTermGoals: plan.shortTermGoals,
    nextMonitoringOn: plan.nextMonitoringOn,
    items: plan.items.map((item) => ({
      content: item.content,
      organizationId: item.organizationId,
      frequency: item.frequency ?? '',
      periodFrom: item.periodFrom ?? '',
      periodTo: item.periodTo ?? '',
      links: [...item.links],
      programmeId: item.programme?.id ?? null,
      resourceId: item.resource?.id ?? null,
    })),
  };
}

export type PlanFormProps = {
  heading: string;
  defaultValues: PlanValues;
  organizations: readonly OrganizationOption[];
  /** the recidivism plan's programmes by challenge, for the optional 取組 of an item */
  programmes: readonly ProgrammeOptionGroup[];
  /** the 社会資源 directory (usable resources), for the optional resource of an item */
  resources: readonly ResourceSummary[];
  submitting: boolean;
  error: unknown;
  onSubmit: (input: PlanInput) => void;
  onCancel: () => void;
};

/** 支援プラン案: 意向, goals, next monitoring and any number of item rows (支援内容 × 担当機関). */
export function PlanForm({
  heading,
  defaultValues,
  organizations,
  programmes,
  resources,
  submitting,
  error,
  onSubmit,
  onCancel,
}: PlanFormProps) {
  const { t } = useTranslation();
  const form = useServerCheckedForm<PlanValues, PlanInput>({
    resolver: zodResolver(planInputSchema),
    defaultValues,
    serverError: error,
    serverFields: (values) => {
      const fields: FieldPath<PlanValues>[] = [
        'wishes',
        'longTermGoal',
        'shortTermGoals',
        'nextMonitoringOn',
        'items',
        ...values.items.flatMap((_item, index) =>
          (
            [
              'content',
              'organizationId',
              'frequency',
              'periodFrom',
              'periodTo',
              'links',
              'programmeId',
              'resourceId',
            ] as const
          ).map((field) => `items.${index}.${field}` as FieldPath<PlanValues>),
        ),
      ];
      return fields;
    },
  });
  const { register, control, handleSubmit, errors, unplaced, invalid, registerField, bindField } = form;
  const items = useFieldArray({ control, name: 'items' });
  const wire = useFieldWiring(registerField, { idPrefix: 'plan', textPrefix: 'plans' });
  const dateField = useFieldWiring(bindField, { idPrefix: 'plan', textPrefix: 'plans' });

  const submit = handleSubmit((input) => {
    if (!submitting) onSubmit(input);
  });

  return (
    <Section
      id="plan-form-heading"
      title={heading}
      level={3}
      lead={t('plans.formLead')}
      className="flex flex-col gap-6 print:hidden"
    >
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[56rem] flex-col gap-8">
        {error ? (
          <ErrorSummary title={problemMessage(error, t)} messages={unplaced} />
        ) : invalid ? (
          <ErrorSummary
            title={t('form.errorSummaryTitle')}
            messages={errors.items?.message ? [errors.items.message] : []}
          />
        ) : null}
        <TextareaField {...wire('wishes')} required rows={3} />
        <TextareaField {...wire('longTermGoal')} required rows={2} />
        <TextareaField {...wire('shortTermGoals')} required rows={3} />
        <FormDateField {...dateField('nextMonitoringOn')} required />

        <fieldset className="flex flex-col gap-6">
          <legend className="mb-2 text-std-20B-150 text-solid-gray-900">{t('plans.itemContent')}</legend>
          {items.fields.map((field, index) => {
            const itemErrors = errors.items?.[index];
            return (
              <RowFieldset key={field.id} gap={5} legend={t('plans.item', { index: index + 1 })}>
                <TextareaField
                  id={`plan-item-${index}-content`}
                  label={t('plans.itemContent')}
                  required
                  rows={2}
                  error={itemErrors?.content?.message}
                  {...register(`items.${index}.content`)}
                />
                <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
                  <SelectField
                    id={`plan-item-${index}-organization`}
                    label={t('plans.itemOrganization')}
                    required
                    error={itemErrors?.organizationId?.message}
                    {...register(`items.${index}.organizationId`)}
                  >
                    <option value="">{t('plans.itemOrganizationPlaceholder')}</option>
                    <NamedOptions items={organizations} />
                  </SelectField>
                  <TextField
                    id={`plan-item-${index}-frequency`}
                    label={t('plans.itemFrequency')}
                    supportText={t('plans.itemFrequencySupport')}
                    required
                    error={itemErrors?.frequency?.message}
                    {...register(`items.${index}.frequency`)}
                  />
                </div>
                <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
                  <FormDateField
                    control={control}
                    name={`items.${index}.periodFrom`}
                    id={`plan-item-${index}-period-from`}
                    label={t('plans.periodFrom')}
                    required
                  />
                  <FormDateField
                    control={control}
                    name={`items.${index}.periodTo`}
                    id={`plan-item-${index}-period-to`}
                    label={t('plans.periodTo')}
                    required
                  />
                </div>
                <SelectField
                  id={`plan-item-${index}-programme`}
                  label={t('plans.itemProgramme')}
                  supportText={t('plans.itemProgrammeSupport')}
                  error={itemErrors?.programmeId?.message}
                  {...register(`items.${index}.programmeId`, {
                    setValueAs: (value: string | null) => (value ? value : null),
                  })}
                >
                  <option value="">{t('plans.itemProgrammeNone')}</option>
                  {programmes.map((group) => (
                    <optgroup key={group.position} label={`(${group.position}) ${group.title}`}>
                      {group.programmes.map((programme) => (
                        <option key={programme.id} value={programme.id}>
                          {t('plans.itemProgrammeOption', {
                            name: programme.name,
                            section: programme.section,
                          })}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </SelectField>
                <SelectField
                  id={`plan-item-${index}-resource`}
                  label={t('plans.itemResource')}
                  supportText={t('plans.itemResourceSupport')}
                  error={itemErrors?.resourceId?.message}
                  {...register(`items.${index}.resourceId`, {
                    setValueAs: (value: string | null) => (value ? value : null),
                  })}
                >
                  <option value="">{t('plans.itemResourceNone')}</option>
                  {resources.map((resource) => (
                    <option key={resource.id} value={resource.id}>
                      {t('plans.itemProgrammeOption', {
                        name: resource.name,
                        section: resource.organization.name,
                      })}
                    </option>
                  ))}
                </SelectField>
                <CheckboxGroup legend={t('plans.linksLegend')} error={itemErrors?.links?.message}>
                  <div className="flex flex-wrap gap-x-6">
                    <MessageCheckboxes
                      codes={planLinks}
                      textPrefix="plans.link"
                      idPrefix={`plan-item-${index}-link`}
                      registration={register(`items.${index}.links`)}
                    />
                  </div>
                </CheckboxGroup>
                {items.fields.length > 1 ? (
                  <div>
                    <Button variant="text" size="sm" onClick={() => items.remove(index)}>
                      {t('plans.removeItem', { index: index + 1 })}
                    </Button>
                  </div>
                ) : null}
              </RowFieldset>
            );
          })}
          <div>
            <Button variant="outline" onClick={() => items.append({ ...emptyItem, links: [] })}>
              {t('plans.addItem')}
            </Button>
          </div>
        </fieldset>

        <FormActions>
          <SubmitButton busy={submitting}>{t('plans.saveDraft')}</SubmitButton>
          <Button variant="text" onClick={onCancel}>
            {t('plans.cancel')}
          </Button>
        </FormActions>
      </form>
    </Section>
  );
}
