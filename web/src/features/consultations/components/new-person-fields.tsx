import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { sexes } from '../../../../../src/domain/codeLists.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Radio } from '../../../components/ui/radio.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { WarekiDateField } from '../../../components/ui/wareki-date-field.tsx';
import { type ConsultationFormValues, errorAt, fieldId } from './consultation-form-values.ts';
import '../../../lib/i18n/casework.bundle.ts';

/** Where a person's fields sit in the form: the 本人, or one household member. */
export type PersonPrefix = 'person' | `householdMembers.${number}.person`;

const maxPhones = 5;

function Phones({ prefix }: { prefix: PersonPrefix }) {
  const { t } = useTranslation();
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<ConsultationFormValues>();
  const phones = useFieldArray({ control, name: `${prefix}.phones` });
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-2 text-std-17B-170 text-solid-gray-800">
        {t('consultations.form.person.phones')}
      </legend>
      {phones.fields.map((field, index) => (
        <div key={field.id} className="flex flex-wrap items-end gap-4">
          <div className="w-40">
            <TextField
              id={fieldId(`${prefix}.phones.${index}.label`)}
              label={t('consultations.form.person.phoneLabel', { n: index + 1 })}
              supportText={t('consultations.form.person.phoneLabelSupport')}
              error={errorAt(errors, `${prefix}.phones.${index}.label`)}
              {...register(`${prefix}.phones.${index}.label`)}
            />
          </div>
          <div className="min-w-60 flex-1">
            <TextField
              id={fieldId(`${prefix}.phones.${index}.number`)}
              type="tel"
              autoComplete="off"
              label={t('consultations.form.person.phoneNumber', { n: index + 1 })}
              supportText={t('consultations.form.person.phoneNumberSupport')}
              error={errorAt(errors, `${prefix}.phones.${index}.number`)}
              {...register(`${prefix}.phones.${index}.number`)}
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
    </fieldset>
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
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<ConsultationFormValues>();
  const birthDate = useWatch({ control, name: `${prefix}.birthDate` });
  const error = (field: string) => errorAt(errors, `${prefix}.${field}`);
  const id = (field: string) => fieldId(`${prefix}.${field}`);

  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id={id('familyName')}
          label={t('consultations.form.person.familyName')}
          required
          autoComplete="off"
          error={error('familyName')}
          {...register(`${prefix}.familyName`)}
        />
        <TextField
          id={id('givenName')}
          label={t('consultations.form.person.givenName')}
          autoComplete="off"
          error={error('givenName')}
          {...register(`${prefix}.givenName`)}
        />
        <TextField
          id={id('familyNameKana')}
          label={t('consultations.form.person.familyNameKana')}
          supportText={t('consultations.form.person.kanaSupport')}
          required
          autoComplete="off"
          error={error('familyNameKana')}
          {...register(`${prefix}.familyNameKana`)}
        />
        <TextField
          id={id('givenNameKana')}
          label={t('consultations.form.person.givenNameKana')}
          supportText={t('consultations.form.person.givenKanaSupport')}
          autoComplete="off"
          error={error('givenNameKana')}
          {...register(`${prefix}.givenNameKana`)}
        />
      </div>
      <WarekiDateField
        id={id('birthDate')}
        label={t('consultations.form.person.birthDate')}
        typed={birthDate ?? ''}
        showAge
        error={error('birthDate')}
        {...register(`${prefix}.birthDate`)}
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
              id={id('postalCode')}
              label={t('consultations.form.person.postalCode')}
              supportText={t('consultations.form.person.postalCodeSupport')}
              autoComplete="off"
              inputMode="numeric"
              error={error('postalCode')}
              {...register(`${prefix}.postalCode`)}
            />
          </div>
          <TextField
            id={id('address')}
            label={t('consultations.form.person.address')}
            autoComplete="off"
            error={error('address')}
            {...register(`${prefix}.address`)}
          />
          <Phones prefix={prefix} />
          <TextField
            id={id('addresseeNumber')}
            label={t('consultations.form.person.addresseeNumber')}
            supportText={t('consultations.form.person.addresseeNumberSupport')}
            autoComplete="off"
            inputMode="numeric"
            error={error('addresseeNumber')}
            {...register(`${prefix}.addresseeNumber`)}
          />
        </>
      )}
    </div>
  );
}
