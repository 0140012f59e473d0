import type { ReactElement } from 'react';
import {
  type Control,
  Controller,
  type FieldPath,
  type FieldValues,
  type RefCallBack,
} from 'react-hook-form';
import * as clock from '../../../../src/domain/clock.ts';
import {
  CalendarDateField,
  type CalendarDateFieldProps,
  CalendarDateTimeField,
  type CalendarDateTimeFieldProps,
} from './calendar-date-field.tsx';

/** What a calendar field takes from the form field it is bound to. */
type Bound = {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  onBlur: () => void;
  inputRef: RefCallBack;
  error: string | undefined;
};

type BoundProps<T extends FieldValues, Out> = {
  control: Control<T, unknown, Out>;
  /** A field of the form holding the date (or instant) as a string ('' while empty). */
  name: FieldPath<T>;
  /** The error to show; the field's error in the form unless given. */
  error?: string | undefined;
};

/** Binds a calendar field to a react-hook-form field: an empty one is '' in the form's values. */
function BoundToForm<T extends FieldValues, Out>({
  control,
  name,
  error,
  render,
}: BoundProps<T, Out> & { render: (bound: Bound) => ReactElement }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) =>
        render({
          value: field.value || undefined,
          onChange: (value) => field.onChange(value ?? ''),
          onBlur: field.onBlur,
          inputRef: field.ref,
          error: error ?? fieldState.error?.message,
        })
      }
    />
  );
}

export type FormDateFieldProps<T extends FieldValues, Out> = Omit<
  CalendarDateFieldProps,
  'value' | 'onChange' | 'onBlur' | 'inputRef' | 'name' | 'error'
> &
  BoundProps<T, Out>;

/**
 * A `CalendarDateField` bound to a react-hook-form field holding 'YYYY-MM-DD': an empty box is ''
 * in the form's values. It shows the field's error in the form unless given another `error`.
 */
export function FormDateField<T extends FieldValues, Out>({
  control,
  name,
  error,
  ...field
}: FormDateFieldProps<T, Out>) {
  return (
    <BoundToForm
      control={control}
      name={name}
      error={error}
      render={(bound) => <CalendarDateField {...field} {...bound} />}
    />
  );
}

/** The day something was done (実施日, 支援日 …): required, and today at the latest. */
export function FormDoneOnField<T extends FieldValues, Out>(
  props: Omit<FormDateFieldProps<T, Out>, 'required' | 'notAfter'>,
) {
  return <FormDateField {...props} required notAfter={clock.today()} />;
}

export type FormDateTimeFieldProps<T extends FieldValues, Out> = Omit<
  CalendarDateTimeFieldProps,
  'value' | 'onChange' | 'onBlur' | 'inputRef' | 'error'
> &
  BoundProps<T, Out>;

/**
 * A `CalendarDateTimeField` bound to a react-hook-form field holding an ISO instant: an empty one
 * is '' in the form's values. It shows the field's error in the form unless given another `error`.
 */
export function FormDateTimeField<T extends FieldValues, Out>({
  control,
  name,
  error,
  ...field
}: FormDateTimeFieldProps<T, Out>) {
  return (
    <BoundToForm
      control={control}
      name={name}
      error={error}
      render={(bound) => <CalendarDateTimeField {...field} {...bound} />}
    />
  );
}
