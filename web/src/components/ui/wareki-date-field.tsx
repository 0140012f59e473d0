import { type ComponentProps, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn } from '../../../../src/contract/persons.ts';
import * as clock from '../../../../src/domain/clock.ts';
import { parseWareki } from '../../../../src/domain/wareki.ts';
import { describedBy, ErrorText, FieldLabel, SupportText } from './form-control.tsx';

export type WarekiDateFieldProps = Omit<
  ComponentProps<'input'>,
  'placeholder' | 'id' | 'required' | 'type'
> & {
  label: string;
  /** What the person has typed so far (watched by the form), for the parse feedback. */
  typed: string;
  supportText?: string;
  error?: string | undefined;
  required?: boolean;
  id?: string;
  /** Also show the 満年齢 the date gives today (birth dates). */
  showAge?: boolean;
};

/**
 * A date typed in 和暦 or 西暦 (昭和17年3月5日, S17.3.5, 1942-03-05). Under the box, a polite live
 * line says what the app understood — the 西暦 date (and age) or why it cannot read it — so the
 * person can check the era before saving.
 */
export function WarekiDateField({
  label,
  typed,
  supportText,
  error,
  required,
  id,
  showAge,
  className,
  ...rest
}: WarekiDateFieldProps) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? `field-${generated}`;
  const supportId = `${inputId}-support`;
  const feedbackId = `${inputId}-parsed`;
  const errorId = `${inputId}-error`;
  const hasError = Boolean(error);
  const parsed = typed.trim() === '' ? null : parseWareki(typed);

  let feedback = '';
  if (parsed?.ok) {
    const [year, month, day] = parsed.date.split('-').map(Number);
    feedback = t('warekiField.parsed', { year, month, day });
    if (showAge) {
      const today = clock.today();
      if (parsed.date <= today) feedback += t('warekiField.age', { age: ageOn(parsed.date, today) });
    }
  } else if (parsed) {
    feedback = parsed.reason;
  }

  const ids = [describedBy({ supportId, errorId }, hasError), feedback ? feedbackId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={inputId} required={required}>
        {label}
      </FieldLabel>
      <SupportText id={supportId}>{supportText ?? t('warekiField.support')}</SupportText>
      <input
        id={inputId}
        type="text"
        inputMode="text"
        autoComplete="off"
        aria-describedby={ids || undefined}
        aria-invalid={hasError || undefined}
        aria-required={required || undefined}
        className={`h-14 w-full max-w-[20rem] rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-oln-16N-100 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-1 ${className ?? ''}`}
        {...rest}
      />
      <p
        id={feedbackId}
        aria-live="polite"
        className={`text-std-16N-170 ${parsed && !parsed.ok ? 'text-solid-gray-800' : 'text-green-1000'}`}
      >
        {feedback}
      </p>
      {hasError ? <ErrorText id={errorId}>{error}</ErrorText> : null}
    </div>
  );
}
