import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import { Controller, type FieldPath, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type Challenge,
  type Programme,
  type ProgrammeInput,
  programmeInputSchema,
} from '../../../../../src/contract/recidivismPlan.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { FormErrorSummary } from '../../../components/ui/error-summary.tsx';
import { Fieldset } from '../../../components/ui/fieldset.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { NamedOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import type { SectionOption } from '../api/list-section-options.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

export type ProgrammeValues = z.input<typeof programmeInputSchema>;

export const emptyProgrammeValues: ProgrammeValues = {
  name: '',
  summary: '',
  responsibleSectionId: '',
  challenges: [],
  relatedOrganizationIds: [],
  indicators: [],
};

export function programmeValuesOf(p: Programme): ProgrammeValues {
  return {
    name: p.name,
    summary: p.summary,
    responsibleSectionId: p.responsibleSection.id,
    challenges: p.challenges.map((c) => ({ challengeId: c.id, isRepeat: c.isRepeat })),
    relatedOrganizationIds: p.relatedOrganizations.map((o) => o.id),
    indicators: p.indicators.map((i) => ({ name: i.name, unit: i.unit ?? '' })),
  };
}

/** 取組の登録・編集: one form for both, validated by the same contract schema as the server. */
export function ProgrammeForm({
  defaultValues,
  challenges,
  organizations,
  submitting,
  error,
  onSubmit,
  cancel,
}: {
  defaultValues: ProgrammeValues;
  challenges: readonly Challenge[];
  organizations: readonly SectionOption[];
  submitting: boolean;
  error: unknown;
  onSubmit: (input: ProgrammeInput) => void;
  cancel: ReactNode;
}) {
  const { t } = useTranslation();
  const form = useServerCheckedForm<ProgrammeValues, ProgrammeInput>({
    resolver: zodResolver(programmeInputSchema),
    defaultValues,
    serverError: error,
    serverFields: (values) => {
      const fields: FieldPath<ProgrammeValues>[] = [
        'name',
        'summary',
        'responsibleSectionId',
        'challenges',
        'relatedOrganizationIds',
        ...(values.indicators ?? []).flatMap((_i, index) => [
          `indicators.${index}.name` as FieldPath<ProgrammeValues>,
          `indicators.${index}.unit` as FieldPath<ProgrammeValues>,
        ]),
      ];
      return fields;
    },
  });
  const { register, control, handleSubmit, errors, unplaced, invalid, registerField } = form;
  const indicators = useFieldArray({ control, name: 'indicators' });
  const wire = useFieldWiring(registerField, { idPrefix: 'programme', textPrefix: 'recidivism.programmes' });

  const submit = handleSubmit((input) => {
    if (!submitting) onSubmit(input);
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[56rem] flex-col gap-8">
      <p>{t('recidivism.programmes.formLead')}</p>
      <FormErrorSummary error={error} unplaced={unplaced} invalid={invalid} />
      <TextField {...wire('name', { support: 'nameSupport' })} required />
      <TextareaField {...wire('summary')} rows={4} />
      <SelectField {...wire('responsibleSectionId', { text: 'section' })} required>
        <option value="">{t('recidivism.programmes.sectionPlaceholder')}</option>
        <NamedOptions items={organizations} />
      </SelectField>
      <Controller
        control={control}
        name="challenges"
        render={({ field }) => {
          const value = field.value ?? [];
          const find = (id: string) => value.find((c) => c.challengeId === id);
          const set = (id: string, listed: boolean, isRepeat: boolean) => {
            const rest = value.filter((c) => c.challengeId !== id);
            const next = listed ? [...rest, { challengeId: id, isRepeat }] : rest;
            const order = new Map(challenges.map((c, i) => [c.id, i]));
            field.onChange(
              next.sort((a, b) => (order.get(a.challengeId) ?? 0) - (order.get(b.challengeId) ?? 0)),
            );
          };
          return (
            <CheckboxGroup
              legend={t('recidivism.programmes.challengesLegend')}
              supportText={t('recidivism.programmes.challengesSupport')}
              required
              error={errors.challenges?.message ?? errors.challenges?.root?.message}
            >
              <ul className="flex flex-col gap-3">
                {challenges.map((c) => {
                  const current = find(c.id);
                  return (
                    <li key={c.id} className="flex flex-col gap-1">
                      <Checkbox
                        id={`programme-challenge-${c.position}`}
                        label={t('recidivism.programmes.listUnder', { position: c.position, title: c.title })}
                        checked={Boolean(current)}
                        onChange={(event) =>
                          set(c.id, event.currentTarget.checked, current?.isRepeat ?? false)
                        }
                      />
                      {current ? (
                        <div className="ml-8">
                          <Checkbox
                            id={`programme-challenge-${c.position}-repeat`}
                            label={t('recidivism.programmes.repeatUnder', { position: c.position })}
                            checked={current.isRepeat ?? false}
                            onChange={(event) => set(c.id, true, event.currentTarget.checked)}
                          />
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </CheckboxGroup>
          );
        }}
      />
      <CheckboxGroup
        legend={t('recidivism.programmes.relatedLegend')}
        error={errors.relatedOrganizationIds?.message}
      >
        <div className="grid grid-cols-1 gap-x-6 md:grid-cols-2">
          {organizations.map((o) => (
            <Checkbox
              key={o.id}
              id={`programme-related-${o.id}`}
              value={o.id}
              label={o.name}
              {...register('relatedOrganizationIds')}
            />
          ))}
        </div>
      </CheckboxGroup>
      <Fieldset legend={t('recidivism.programmes.indicatorsLegend')}>
        {indicators.fields.map((field, index) => (
          <div key={field.id} className="grid grid-cols-1 items-end gap-4 md:grid-cols-[1fr_10rem_auto]">
            <TextField
              id={`programme-indicator-${index}-name`}
              label={t('recidivism.programmes.indicatorName', { index: index + 1 })}
              required
              error={errors.indicators?.[index]?.name?.message}
              {...register(`indicators.${index}.name`)}
            />
            <TextField
              id={`programme-indicator-${index}-unit`}
              label={t('recidivism.programmes.indicatorUnit', { index: index + 1 })}
              error={errors.indicators?.[index]?.unit?.message}
              {...register(`indicators.${index}.unit`)}
            />
            <Button variant="text" size="sm" onClick={() => indicators.remove(index)}>
              {t('recidivism.programmes.removeIndicator', { index: index + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button variant="outline" onClick={() => indicators.append({ name: '', unit: '' })}>
            {t('recidivism.programmes.addIndicator')}
          </Button>
        </div>
      </Fieldset>
      <FormActions>
        <SubmitButton busy={submitting}>{t('recidivism.programmes.save')}</SubmitButton>
        {cancel}
      </FormActions>
    </form>
  );
}
