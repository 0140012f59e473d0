import { type Ref, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTokyoDateTime } from '../../../../src/domain/time.ts';
import { formatDateWithWareki, formatWareki, parseWareki } from '../../../../src/domain/wareki.ts';
import { Button } from './button.tsx';
import { describedBy, ErrorText, FieldLabel, RequiredMark, SupportText } from './form-control.tsx';

/** 'YYYY-MM-DD' → 令和8年11月27日 for the text box; '' when it cannot be shown. */
function warekiText(value: string | undefined): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value ?? '';
  try {
    return formatWareki(value);
  } catch {
    return value;
  }
}

type Parsed = { kind: 'empty' } | { kind: 'ok'; date: string } | { kind: 'invalid'; reason: string };

function parse(text: string, notAfter: string | undefined, futureMessage: string): Parsed {
  if (text.trim() === '') return { kind: 'empty' };
  const result = parseWareki(text);
  if (!result.ok) return { kind: 'invalid', reason: result.reason };
  if (notAfter && result.date > notAfter) return { kind: 'invalid', reason: futureMessage };
  return { kind: 'ok', date: result.date };
}

/**
 * Keeps the typed text and what it means. The form holds 'YYYY-MM-DD' (what the contract wants);
 * text that is not a date is handed on as typed, so the form's schema refuses it too.
 */
function useDateText(
  value: string | undefined,
  onChange: (value: string | undefined) => void,
  notAfter: string | undefined,
) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => warekiText(value));
  const [seen, setSeen] = useState(value);
  const emitted = useRef(value);
  // A value set from outside (form reset, default) replaces the text; our own echo does not.
  if (value !== seen) {
    setSeen(value);
    if (value !== emitted.current) setText(warekiText(value));
  }
  const parsed = parse(text, notAfter, t('calendarDateField.notFuture'));
  const change = (next: string) => {
    setText(next);
    const result = parse(next, notAfter, t('calendarDateField.notFuture'));
    const out = result.kind === 'empty' ? undefined : result.kind === 'ok' ? result.date : next;
    emitted.current = out;
    onChange(out);
  };
  return { text, parsed, change };
}

export type CalendarDateFieldProps = {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  name?: string;
  required?: boolean;
  supportText?: string;
  /** The error from the form (schema or server); a date that cannot be read shows its own reason first. */
  error?: string | undefined;
  /** The latest date allowed ('YYYY-MM-DD'), e.g. today for 実施日. */
  notAfter?: string;
  inputRef?: Ref<HTMLInputElement>;
};

/**
 * A calendar date typed in 和暦 or 西暦 (令和8年11月27日, R8.11.27, 2026-11-27), read with the shared
 * `parseWareki`; what it was read as is shown under the box as support text. On a tablet or phone,
 * typing a date is slow: 「カレンダーで選ぶ」 beside the box opens the device's own date picker
 * (a native date input, out of the tab order and hidden from assistive technology — the text box
 * stays the field), and the date chosen is written into the box in 和暦.
 */
export function CalendarDateField({
  id,
  label,
  value,
  onChange,
  onBlur,
  name,
  required,
  supportText,
  error,
  notAfter,
  inputRef,
}: CalendarDateFieldProps) {
  const { t } = useTranslation();
  const { text, parsed, change } = useDateText(value, onChange, notAfter);
  const [touched, setTouched] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const supportId = `${id}-support`;
  const echoId = `${id}-echo`;
  const errorId = `${id}-error`;
  const local = parsed.kind === 'invalid' && (touched || error) ? parsed.reason : undefined;
  const shownError =
    local ?? (error && parsed.kind === 'empty' ? t('calendarDateField.required', { label }) : error);
  const hasError = Boolean(shownError);
  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      <SupportText id={supportId}>
        {supportText ? `${supportText}${t('calendarDateField.support')}` : t('calendarDateField.support')}
      </SupportText>
      <div className="flex flex-wrap items-center gap-3">
        <input
          id={id}
          ref={inputRef}
          name={name}
          type="text"
          inputMode="text"
          autoComplete="off"
          value={text}
          onChange={(event) => change(event.currentTarget.value)}
          onBlur={() => {
            setTouched(true);
            onBlur?.();
          }}
          aria-describedby={[describedBy({ supportId, errorId }, hasError), echoId].filter(Boolean).join(' ')}
          aria-invalid={hasError || undefined}
          aria-required={required || undefined}
          className="h-14 w-full max-w-[20rem] rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-oln-16N-100 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-1"
        />
        <span className="relative">
          <Button
            variant="outline"
            onClick={() => {
              const input = picker.current;
              if (!input) return;
              try {
                input.showPicker();
              } catch {
                input.click();
              }
            }}
          >
            {t('calendarDateField.pick')}
          </Button>
          <input
            ref={picker}
            type="date"
            tabIndex={-1}
            aria-hidden="true"
            className="pointer-events-none absolute bottom-0 left-0 size-px opacity-0"
            value={parsed.kind === 'ok' ? parsed.date : ''}
            max={notAfter}
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              if (chosen) change(warekiText(chosen));
            }}
          />
        </span>
      </div>
      <p id={echoId} className="text-std-16N-170 text-solid-gray-700">
        {parsed.kind === 'ok'
          ? t('calendarDateField.readAs', { date: formatDateWithWareki(parsed.date) })
          : ''}
      </p>
      {hasError ? <ErrorText id={errorId}>{shownError}</ErrorText> : null}
    </div>
  );
}

/** '14:00', '14：00', '1400', '9時5分', '14時' → 'HH:MM'; anything else → null. */
function parseTime(text: string): string | null {
  const value = text.normalize('NFKC').replace(/\s+/g, '');
  const match = /^(\d{1,2})(?::|時)?(\d{2})?分?$/.exec(value) ?? /^(\d{1,2})時(\d{1,2})分?$/.exec(value);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Splits an instant the form holds into Japan date and time, for the two boxes. */
function splitInstant(value: string | undefined): { date: string | undefined; time: string } {
  if (!value) return { date: undefined, time: '' };
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (match && value.endsWith('+09:00')) return { date: match[1], time: match[2] ?? '' };
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return { date: undefined, time: '' };
  const [date, time] = formatTokyoDateTime(instant).split(' ');
  return { date, time: time ?? '' };
}

export type CalendarDateTimeFieldProps = {
  id: string;
  legend: string;
  /** The instant as the contract wants it: '2026-12-01T14:00:00+09:00' (Japan time). */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  required?: boolean;
  error?: string | undefined;
  notAfter?: string;
  inputRef?: Ref<HTMLInputElement>;
};

/** A date (和暦 or 西暦) and a time (24-hour, Japan time), held by the form as one ISO instant. */
export function CalendarDateTimeField({
  id,
  legend,
  value,
  onChange,
  onBlur,
  required,
  error,
  notAfter,
  inputRef,
}: CalendarDateTimeFieldProps) {
  const { t } = useTranslation();
  const initial = splitInstant(value);
  const [date, setDate] = useState<string | undefined>(initial.date);
  const [time, setTime] = useState(initial.time);
  const [timeTouched, setTimeTouched] = useState(false);
  const groupId = `group-${useId()}`;
  const timeErrorId = `${id}-time-error`;

  const emit = (nextDate: string | undefined, nextTime: string) => {
    const parsedTime = parseTime(nextTime);
    if (!nextDate && nextTime.trim() === '') onChange(undefined);
    else if (nextDate && /^\d{4}-\d{2}-\d{2}$/.test(nextDate) && parsedTime)
      onChange(`${nextDate}T${parsedTime}:00+09:00`);
    // Not a moment yet: handed on as typed, so the form's schema refuses it too.
    else onChange(`${nextDate ?? ''}T${nextTime}`);
  };
  const timeMissing = Boolean(date) && parseTime(time) === null && (timeTouched || Boolean(error));
  const timeMessage =
    time.trim() === '' ? t('calendarDateField.timeRequired') : t('calendarDateField.timeInvalid');
  const shownError = error && !date && time === '' ? t('calendarDateField.dateTimeRequired') : error;
  const dateOk = Boolean(date && /^\d{4}-\d{2}-\d{2}$/.test(date));

  return (
    <fieldset aria-labelledby={`${groupId}-legend`} className="flex flex-col gap-4">
      <legend id={`${groupId}-legend`} className="mb-2 text-std-17B-170 text-solid-gray-800">
        {legend}
        {required ? <RequiredMark /> : null}
      </legend>
      <div className="flex flex-wrap items-start gap-x-8 gap-y-4">
        <CalendarDateField
          id={`${id}-date`}
          label={t('calendarDateField.date')}
          value={date}
          onChange={(next) => {
            setDate(next);
            emit(next, time);
          }}
          onBlur={onBlur}
          required={required}
          notAfter={notAfter}
          error={!dateOk && !timeMissing ? shownError : undefined}
          inputRef={inputRef}
        />
        <div className="flex flex-col gap-2">
          <FieldLabel htmlFor={`${id}-time`} required={required}>
            {t('calendarDateField.time')}
          </FieldLabel>
          <SupportText id={`${id}-time-support`}>{t('calendarDateField.timeSupport')}</SupportText>
          <input
            id={`${id}-time`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={time}
            onChange={(event) => {
              setTime(event.currentTarget.value);
              emit(date, event.currentTarget.value);
            }}
            onBlur={() => setTimeTouched(true)}
            aria-describedby={timeMissing ? `${timeErrorId} ${id}-time-support` : `${id}-time-support`}
            aria-invalid={timeMissing || (dateOk && Boolean(error)) || undefined}
            aria-required={required || undefined}
            className="h-14 w-40 rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-oln-16N-100 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-1"
          />
          {timeMissing ? (
            <ErrorText id={timeErrorId}>{timeMessage}</ErrorText>
          ) : dateOk && error ? (
            <ErrorText id={timeErrorId}>{error}</ErrorText>
          ) : null}
        </div>
      </div>
    </fieldset>
  );
}
