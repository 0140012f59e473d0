import { useEffect, useId, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isKana, normalizeKana } from '../../../../../src/domain/kana.ts';
import { ActionForButton } from '../../../components/action-for-button.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { BirthDateText } from '../../../components/ui/date-text.tsx';
import { fullKana, fullName } from '../../../components/ui/person-name.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Radio } from '../../../components/ui/radio.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { type PersonCandidate, usePersonCandidates } from '../api/search-persons.ts';
import {
  type ConsultationFormValues,
  errorAt,
  fieldId,
  type SelectedPerson,
} from './consultation-form-values.ts';
import { NewPersonFields, type PersonPrefix } from './new-person-fields.tsx';
import '../../../lib/i18n/casework.bundle.ts';

/** Waits until typing pauses before searching, so each keystroke is not a (logged) search. */
function useDebounced(value: string, delayMs: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

function toSelected(candidate: PersonCandidate): SelectedPerson {
  return {
    id: candidate.id,
    familyName: candidate.familyName,
    givenName: candidate.givenName,
    familyNameKana: candidate.familyNameKana,
    givenNameKana: candidate.givenNameKana,
    birthDate: candidate.birthDate,
    age: candidate.age,
  };
}

/** Search for a person already on record by フリガナ and choose one. */
function ExistingPersonSearch({
  prefix,
  label,
  onChosen,
}: {
  prefix: PersonPrefix;
  label: string;
  onChosen: () => void;
}) {
  const { t } = useTranslation();
  const {
    setValue,
    formState: { errors, isSubmitted },
  } = useFormContext<ConsultationFormValues>();
  const [typed, setTyped] = useState('');
  const kana = normalizeKana(useDebounced(typed, 350).trim());
  const searchable = kana !== '' && isKana(kana);
  const candidates = usePersonCandidates(searchable ? kana : '');
  const statusId = useId();

  const choose = (candidate: PersonCandidate) => {
    onChosen();
    setValue(`${prefix}.selected`, toSelected(candidate), { shouldDirty: true, shouldValidate: isSubmitted });
  };

  let status = '';
  if (typed.trim() !== '' && !searchable && kana !== '')
    status = t('consultations.form.person.searchKanaOnly');
  else if (searchable && candidates.data)
    status =
      candidates.data.length === 0
        ? t('consultations.form.person.searchNone')
        : t('consultations.form.person.searchFound', { count: candidates.data.length });

  return (
    <div className="flex flex-col gap-4">
      <TextField
        id={fieldId(`${prefix}.personId`)}
        label={t('consultations.form.person.searchLabel', { who: label })}
        supportText={t('consultations.form.person.searchSupport')}
        value={typed}
        autoComplete="off"
        error={errorAt(errors, `${prefix}.personId`)}
        onChange={(event) => setTyped(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter searches (it would otherwise submit the whole form).
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <p id={statusId} role="status" className="text-std-16N-170 text-solid-gray-800">
        {status}
      </p>
      {candidates.isError ? (
        <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />
      ) : null}
      {searchable && candidates.data && candidates.data.length > 0 ? (
        <ul aria-label={t('consultations.form.person.resultsLabel')} className="flex flex-col gap-2">
          {candidates.data.map((candidate) => (
            <li
              key={candidate.id}
              className="flex flex-wrap items-center justify-between gap-4 rounded-8 border border-solid-gray-420 p-3"
            >
              <span className="flex flex-col">
                <span className="text-std-16B-170">{fullName(candidate)}</span>
                <span className="text-std-16N-170 text-solid-gray-700">{fullKana(candidate)}</span>
                <span className="text-std-16N-170 text-solid-gray-800">
                  <BirthDateText birthDate={candidate.birthDate} age={candidate.age} />
                </span>
              </span>
              <ActionForButton
                action={t('consultations.form.person.choose')}
                name={fullName(candidate)}
                onClick={() => choose(candidate)}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export type PersonPickerProps = {
  prefix: PersonPrefix;
  /** Who is being chosen: 本人, 世帯員1 … (used in labels). */
  label: string;
  /** Household members: name, reading, birth date and sex only. */
  compact?: boolean;
};

/** 本人 or a household member: someone already on record (searched by フリガナ) or a new person. */
export function PersonPicker({ prefix, label, compact }: PersonPickerProps) {
  const { t } = useTranslation();
  const { register, setValue, control } = useFormContext<ConsultationFormValues>();
  const mode = useWatch({ control, name: `${prefix}.mode` });
  const selected = useWatch({ control, name: `${prefix}.selected` });
  const modeId = fieldId(`${prefix}.mode`);
  // Choosing (or un-choosing) replaces the control that had focus: keep keyboard users in place.
  const chosenRef = useRef<HTMLDivElement>(null);
  const focusAfter = useRef<'chosen' | 'search' | null>(null);
  const selectedId = selected?.id ?? null;
  useEffect(() => {
    if (focusAfter.current === 'chosen' && selectedId) chosenRef.current?.focus();
    if (focusAfter.current === 'search' && !selectedId) {
      document.getElementById(fieldId(`${prefix}.personId`))?.focus();
    }
    focusAfter.current = null;
  }, [selectedId, prefix]);

  return (
    <div className="flex flex-col gap-6">
      <RadioGroup legend={t('consultations.form.person.modeLegend', { who: label })} inline>
        <Radio
          id={modeId}
          value="existing"
          label={t('consultations.form.person.modeExisting')}
          {...register(`${prefix}.mode`)}
        />
        <Radio
          id={`${modeId}-new`}
          value="new"
          label={t('consultations.form.person.modeNew')}
          {...register(`${prefix}.mode`)}
        />
      </RadioGroup>

      {mode === 'existing' ? (
        selected ? (
          <div
            ref={chosenRef}
            tabIndex={-1}
            className="flex flex-wrap items-center justify-between gap-4 rounded-8 border-2 border-blue-900 bg-blue-50 p-4"
          >
            <p className="flex flex-col">
              <span className="text-std-16N-170 text-solid-gray-800">
                {t('consultations.form.person.selected', { who: label })}
              </span>
              <span className="text-std-17B-170">{fullName(selected)}</span>
              <span className="text-std-16N-170 text-solid-gray-700">{fullKana(selected)}</span>
              <span className="text-std-16N-170">
                <BirthDateText birthDate={selected.birthDate} age={selected.age} />
              </span>
            </p>
            <Button
              variant="outline"
              size="sm"
              onClick={() => {
                focusAfter.current = 'search';
                setValue(`${prefix}.selected`, null, { shouldDirty: true });
              }}
            >
              {t('consultations.form.person.chooseAgain')}
            </Button>
          </div>
        ) : (
          <ExistingPersonSearch
            prefix={prefix}
            label={label}
            onChosen={() => {
              focusAfter.current = 'chosen';
            }}
          />
        )
      ) : (
        <NewPersonFields prefix={prefix} compact={compact} />
      )}
    </div>
  );
}
