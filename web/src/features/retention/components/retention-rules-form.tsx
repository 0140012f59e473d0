import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type RetentionRulesInput,
  retentionRulesInputSchema,
} from '../../../../../src/contract/retention.ts';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '../../../../../src/domain/retention.ts';
import { FormErrorSummary } from '../../../components/ui/error-summary.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import '../messages.ts';

const fields: readonly (FieldPath<RetentionRulesInput> & keyof RetentionRulesInput)[] = [
  'caseYears',
  'consultationYears',
  'personYears',
];

/**
 * What was typed as a number of years: full-width digits (５) read as half-width, an empty box as
 * no number (the schema then says 「…を年数で入力してください」).
 */
export function yearsOf(typed: unknown): number {
  const text = String(typed ?? '')
    .normalize('NFKC')
    .trim();
  return text === '' ? Number.NaN : Number(text);
}

export type RetentionRulesFormProps = {
  rules: RetentionRulesInput;
  saving: boolean;
  /** The last failed save; its field errors are placed on the fields. */
  error: unknown;
  onSubmit: (rules: RetentionRulesInput) => void;
};

/** The three periods, validated in the browser with the contract's schema (Japanese messages). */
export function RetentionRulesForm({ rules, saving, error, onSubmit }: RetentionRulesFormProps) {
  const { t } = useTranslation();
  const { register, handleSubmit, errors, unplaced, invalid } = useServerCheckedForm<RetentionRulesInput>({
    resolver: zodResolver(retentionRulesInputSchema),
    defaultValues: rules,
    serverError: error,
    serverFields: fields,
  });
  const range = t('retention.settings.yearsRange', { min: MIN_RETENTION_YEARS, max: MAX_RETENTION_YEARS });

  return (
    <form
      noValidate
      className="flex max-w-[48rem] flex-col gap-8"
      onSubmit={handleSubmit((values) => {
        if (!saving) onSubmit(values);
      })}
    >
      <FormErrorSummary error={error} unplaced={unplaced} invalid={invalid} />
      {fields.map((field) => (
        <TextField
          key={field}
          id={`retention-${field}`}
          label={t(`retention.settings.${field}`)}
          supportText={`${t(`retention.settings.${field}Support`)}${range}`}
          required
          inputMode="numeric"
          autoComplete="off"
          error={errors[field]?.message}
          {...register(field, { setValueAs: yearsOf })}
        />
      ))}
      <div>
        <SubmitButton busy={saving}>{t('common.save')}</SubmitButton>
      </div>
    </form>
  );
}
