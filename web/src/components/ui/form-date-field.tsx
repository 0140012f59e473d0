import { type Control, Controller, type FieldPath, type FieldValues } from 'react-hook-form';
import * as clock from '../../../../src/domain/clock.ts';
import {
  CalendarDateField,
  type CalendarDateFieldProps,
  CalendarDateTimeField,
  type CalendarDateTimeFieldProps,
} from './calendar-date-field.tsx';

export type FormDateFieldProps<T extends FieldValues, Out> = Omit<
  CalendarDateFieldProps,
  'value' | 'onChange' | 'onBlur' | 'inputRef' | 'name'
> & {
  control: Control<T, unknown, Out>;
  /** A field of the form holding a date as 'YYYY-MM-DD' ('' while empty). */
  name: FieldPath<T>;
};

/**
 * A `CalendarDateField` bound to a react-hook-form field: an empty box is '' in the form's values.
 * It shows the field's error in the form unless given another `error`.
 */
export function FormDateField<T extends FieldValues, Out>({
  control,
  name,
  error,
  ...field
}: FormDateFieldProps<T, Out>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: bound, fieldState }) => (
        <CalendarDateField
          {...field}
          error={error ?? fieldState.error?.message}
          value={bound.value || undefined}
          onChange={(value) => bound.onChange(value ?? '')}
          onBlur={bound.onBlur}
          inputRef={bound.ref}
        />
      )}
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
  'value' | 'onChange' | 'onBlur' | 'inputRef'
> & {
  control: Control<T, unknown, Out>;
  /** A field of the form holding an ISO instant ('' while empty). */
  name: FieldPath<T>;
};

/**
 * A `CalendarDateTimeField` bound to a react-hook-form field: an empty one is '' in the form's values.
 * It shows the field's error in the form unless given another `error`.
 */
export function FormDateTimeField<T extends FieldValues, Out>({
  control,
  name,
  error,
  ...field
}: FormDateTimeFieldProps<T, Out>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: bound, fieldState }) => (
        <CalendarDateTimeField
          {...field}
          error={error ?? fieldState.error?.message}
          value={bound.value || undefined}
          onChange={(value) => bound.onChange(value ?? '')}
          onBlur={bound.onBlur}
          inputRef={bound.ref}
        />
      )}
    />
  );
}
