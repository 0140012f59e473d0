import { useEffect, useRef, useState } from 'react';
import {
  type Control,
  type FieldError,
  type FieldErrors,
  type FieldPath,
  type FieldValues,
  get,
  type UseFormProps,
  type UseFormRegister,
  type UseFormSetError,
  type UseFormSetFocus,
  useForm,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, isProblem } from './api-client.ts';
import { problemMessage } from './problem-message.ts';

/** A field error the form could not place next to a field; shown in the form's error summary. */
export type UnplacedFieldError = { field: string; message: string };

/** `body.contact.email`, `/contact/email` and `contact.email` all name the same field. */
function normaliseField(field: string): string {
  return field
    .replace(/^\/+/, '')
    .replaceAll('/', '.')
    .replace(/^body\./, '');
}

/**
 * Puts the per-field errors of a 400 problem onto the form's fields (`contact.email`, `roles`,
 * `roles.1` → `roles`) and focuses the first one. Returns the errors that match no field.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly FieldPath<T>[],
  setError: UseFormSetError<T>,
  setFocus?: UseFormSetFocus<T>,
): UnplacedFieldError[] {
  if (!(error instanceof ApiError) || !error.problem.errors) return [];
  const unplaced: UnplacedFieldError[] = [];
  let first: FieldPath<T> | undefined;
  for (const fieldError of error.problem.errors) {
    const path = normaliseField(fieldError.field);
    const target = [...fields]
      .sort((a, b) => b.length - a.length)
      .find((field) => path === field || path.startsWith(`${field}.`));
    if (!target) {
      unplaced.push({ field: fieldError.field, message: fieldError.message });
      continue;
    }
    setError(target, { type: 'server', message: fieldError.message });
    first ??= target;
  }
  if (first && setFocus) setFocus(first);
  return unplaced;
}

/**
 * The server's field errors of a form's last attempt, placed on the form: whenever `error` changes,
 * its per-field errors go onto `fields` (the first is focused) and the hook returns the messages no
 * field took, for the form's error summary (none while there is no error). `fields` may be a
 * function when the form's fields depend on its rows (plan items, attendees…); it is read when the
 * error arrives.
 */
export function useServerFieldErrors<T extends FieldValues>(
  error: unknown,
  form: { setError: UseFormSetError<T>; setFocus?: UseFormSetFocus<T> },
  fields: readonly FieldPath<T>[] | (() => readonly FieldPath<T>[]),
): string[] {
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const fieldsNow = useRef(fields);
  fieldsNow.current = fields;
  const { setError, setFocus } = form;
  useEffect(() => {
    if (!error) {
      setUnplaced([]);
      return;
    }
    const current = fieldsNow.current;
    const targets = typeof current === 'function' ? current() : current;
    setUnplaced(applyServerFieldErrors(error, targets, setError, setFocus).map((e) => e.message));
  }, [error, setError, setFocus]);
  return unplaced;
}

/** `registerField(name)` of a react-hook-form form: the field's registration with the error to show beside it. */
export function fieldRegistrar<Values extends FieldValues>(
  register: UseFormRegister<Values>,
  errors: FieldErrors<Values>,
) {
  return (name: FieldPath<Values>) => ({
    ...register(name),
    error: (get(errors, name) as FieldError | undefined)?.message,
  });
}

/** `bindField(name)` of a react-hook-form form: its control with the field's name, for a `Controller`. */
export function fieldBinder<Values extends FieldValues, Output>(control: Control<Values, unknown, Output>) {
  return (name: FieldPath<Values>) => ({ control, name });
}

/**
 * A react-hook-form form whose server refusals land on its own fields: `useForm(options)`, with the
 * field errors of `serverError` placed on `serverFields` (as `useServerFieldErrors` does; a function
 * gets the form's current values, for forms whose fields depend on their rows). `serverConflict`
 * names the field a refusal with that problem code is about (a login ID or a name already taken):
 * its message goes there, focused. Beside the form it returns its `errors`, the server's messages no
 * field took (`unplaced`, for the error summary), whether any field is in error (`invalid`),
 * `registerField(name)`: the field's registration with the error to show beside it, and
 * `bindField(name)`: the form's control with the field's name, for a field bound through a
 * `Controller` (the calendar fields), which shows its error itself.
 */
export function useServerCheckedForm<Values extends FieldValues, Output = Values>({
  serverError,
  serverFields,
  serverConflict,
  ...options
}: UseFormProps<Values, unknown, Output> & {
  serverError: unknown;
  serverFields: readonly FieldPath<Values>[] | ((values: Values) => readonly FieldPath<Values>[]);
  serverConflict?: { problem: string; field: FieldPath<Values> };
}) {
  const { t } = useTranslation();
  const form = useForm<Values, unknown, Output>(options);
  const { getValues, setError, setFocus } = form;
  const unplaced = useServerFieldErrors(
    serverError,
    form,
    typeof serverFields === 'function' ? () => serverFields(getValues()) : serverFields,
  );
  const conflictProblem = serverConflict?.problem;
  const conflictField = serverConflict?.field;
  useEffect(() => {
    if (!conflictProblem || !conflictField || !isProblem(serverError, conflictProblem)) return;
    setError(conflictField, { type: 'server', message: problemMessage(serverError, t) });
    setFocus(conflictField);
  }, [serverError, conflictProblem, conflictField, setError, setFocus, t]);
  const { errors } = form.formState;
  const registerField = fieldRegistrar(form.register, errors);
  const bindField = fieldBinder(form.control);
  return { ...form, errors, unplaced, invalid: Object.keys(errors).length > 0, registerField, bindField };
}
