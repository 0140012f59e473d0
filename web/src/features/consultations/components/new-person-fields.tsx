import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { sexes } from '../../../../../src/domain/codeLists.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Fieldset } from '../../../components/ui/fieldset.tsx';
import { Radio } from '../../../components/ui/radio.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { WarekiDateField } from '../../../components/ui/wareki-date-field.tsx';
import { errorAt, fieldId, useConsultationForm } from './consultation-form-values.ts';
import '../../../lib/i18n/casework.bundle.ts';

/** Where a person's fields sit in the form: the 本人, or one household member. */
export type PersonPrefix = 'person' | `householdMembers.${number}.person`;

const maxPhones = 5;

function Phones({ prefix }: { prefix: PersonPrefix }) {
  const { t } = useTranslation();
  const { control, fieldProps } = useConsultationForm();
  const phones = useFieldArray({ control, name: `${prefix}.phones` });
  return (
    <Fieldset legend={t('consultations.form.person.phones')}>
      {phones.fields.map((field, index) => (
        <div key={field.id} className="flex flex-wrap items-end gap-4">
          <div className="w-40">
            <TextField
              label={t('consultations.form.person.phoneLabel', { n: index + 1 })}
              supportText={t('consultations.form.person.phoneLabelSupport')}
              {...fieldProps(`${prefix}.phones.${index}.label`)}
            />
          </div>
          <div className="min-w-60 flex-1">
            <TextField
              type="tel"
              autoComplete="off"
              label={t('consultations.form.person.phoneNumber', { n: index + 1 })}
              supportText={t('consultations.form.person.phoneNumberSupport')}
              {...fieldProps(`${prefix}.phones.${index}.number`)}
            />
          </div>
          <Button variant="text" size="sm" onClick={() => phones.remove(index)}>
            {t('consultations.form.person.removePhone', { n: index + 1 })}
          </Button>
        </div>
      ))}
      {phones.fields.length < maxPhones ? (
        <div>
          <Button variant="outline" size="sm" onClick={() => phones.append({ label: '', number: '' })}>
            {t('consultations.form.person.addPhone')}
          </Button>
        </div>
      ) : null}
    </Fieldset>
  );
}

/** The fields of a person typed in at the counter (相談受付・申込票, 本人欄). */
export function NewPersonFields({
  prefix,
  compact,
}: {
  prefix: PersonPrefix;
  compact?: boolean | undefined;
}) {
  const { t } = useTranslation();
  const { register, control, errors, fieldProps } = useConsultationForm();
  const birthDate = useWatch({ control, name: `${prefix}.birthDate` });
  const error = (field: string) => errorAt(errors, `${prefix}.${field}`);
  const id = (field: string) => fieldId(`${prefix}.${field}`);

  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          label={t('consultations.form.person.familyName')}
          required
          autoComplete="off"
          {...fieldProps(`${prefix}.familyName`)}
        />
        <TextField
          label={t('consultations.form.person.givenName')}
          autoComplete="off"
          {...fieldProps(`${prefix}.givenName`)}
        />
        <TextField
          label={t('consultations.form.person.familyNameKana')}
          supportText={t('consultations.form.person.kanaSupport')}
          required
          autoComplete="off"
          {...fieldProps(`${prefix}.familyNameKana`)}
        />
        <TextField
          label={t('consultations.form.person.givenNameKana')}
          supportText={t('consultations.form.person.givenKanaSupport')}
          autoComplete="off"
          {...fieldProps(`${prefix}.givenNameKana`)}
        />
      </div>
      <WarekiDateField
        label={t('consultations.form.person.birthDate')}
        typed={birthDate ?? ''}
        showAge
        {...fieldProps(`${prefix}.birthDate`)}
      />
      <RadioGroup legend={t('consultations.form.person.sex')} inline error={error('sex')}>
        {sexes.map((sex, index) => (
          <Radio
            key={sex.code}
            id={index === 0 ? id('sex') : `${id('sex')}-${sex.code}`}
            value={sex.code}
            label={sex.label}
            {...register(`${prefix}.sex`)}
          />
        ))}
      </RadioGroup>
      {compact ? null : (
        <>
          <div className="max-w-[18rem]">
            <TextField
              label={t('consultations.form.person.postalCode')}
              supportText={t('consultations.form.person.postalCodeSupport')}
              autoComplete="off"
              inputMode="numeric"
              {...fieldProps(`${prefix}.postalCode`)}
            />
          </div>
          <TextField
            label={t('consultations.form.person.address')}
            autoComplete="off"
            {...fieldProps(`${prefix}.address`)}
          />
          <Phones prefix={prefix} />
          <TextField
            label={t('consultations.form.person.addresseeNumber')}
            supportText={t('consultations.form.person.addresseeNumberSupport')}
            autoComplete="off"
            inputMode="numeric"
            {...fieldProps(`${prefix}.addresseeNumber`)}
          />
        </>
      )}
    </div>
  );
}
