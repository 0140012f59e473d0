import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { relations } from '../../../../../src/domain/codeLists.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Radio } from '../../../components/ui/radio.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { CodeOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { emptyMember, errorAt, fieldId, useConsultationForm } from './consultation-form-values.ts';
import { PersonPicker } from './person-picker.tsx';
import '../../../lib/i18n/casework.bundle.ts';

const maxMembers = 20;
/** 続柄 of someone other than the 本人. */
export const otherRelations = relations.filter((relation) => relation.code !== 'self');

/** 世帯員: the other members of the household, each with 続柄 to the 本人 and 同居 / 別居. */
export function HouseholdFields() {
  const { t } = useTranslation();
  const { register, control, errors, fieldProps } = useConsultationForm();
  const members = useFieldArray({ control, name: 'householdMembers' });

  return (
    <div className="flex flex-col gap-6">
      {members.fields.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('consultations.form.household.none')}</p>
      ) : null}
      {members.fields.map((field, index) => {
        const label = t('consultations.form.household.member', { n: index + 1 });
        const path = `householdMembers.${index}` as const;
        return (
          <fieldset
            key={field.id}
            className="flex flex-col gap-6 rounded-12 border border-solid-gray-420 p-4 sm:p-6"
          >
            <legend className="px-2 text-std-20B-150 text-solid-gray-900">{label}</legend>
            <PersonPicker prefix={`${path}.person`} label={label} compact />
            <SelectField
              label={t('consultations.form.household.relation')}
              supportText={t('consultations.form.household.relationSupport')}
              required
              {...fieldProps(`${path}.relation`)}
            >
              <option value="">{t('consultations.form.choose')}</option>
              <CodeOptions codes={otherRelations} />
            </SelectField>
            <RadioGroup
              legend={t('consultations.form.household.livingTogether')}
              required
              inline
              error={errorAt(errors, `${path}.livingTogether`)}
            >
              <Radio
                id={fieldId(`${path}.livingTogether`)}
                value="true"
                label={t('consultations.livingTogether')}
                {...register(`${path}.livingTogether`)}
              />
              <Radio
                id={`${fieldId(`${path}.livingTogether`)}-false`}
                value="false"
                label={t('consultations.livingApart')}
                {...register(`${path}.livingTogether`)}
              />
            </RadioGroup>
            <div>
              <Button variant="outline" size="sm" onClick={() => members.remove(index)}>
                {t('consultations.form.household.remove', { n: index + 1 })}
              </Button>
            </div>
          </fieldset>
        );
      })}
      {members.fields.length < maxMembers ? (
        <div>
          <Button
            variant="outline"
            onClick={() =>
              members.append(emptyMember(), {
                focusName: `householdMembers.${members.fields.length}.person.mode`,
              })
            }
          >
            {t('consultations.form.household.add')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
