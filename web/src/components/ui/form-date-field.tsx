import { type Control, Controller, type FieldPath, type FieldValues } from 'react-hook-form';
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

/** A `CalendarDateField` bound to a react-hook-form field: an empty box is '' in the form's values. */
export function FormDateField<T extends FieldValues, Out>({
  control,
  name,
  ...field
}: FormDateFieldProps<T, Out>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: bound }) => (
        <CalendarDateField
          {...field}
          value={bound.value || undefined}
          onChange={(value) => bound.onChange(value ?? '')}
          onBlur={bound.onBlur}
          inputRef={bound.ref}
        />
      )}
    />
  );
}

export type FormDateTimeFieldProps<T extends FieldValues, Out> = Omit<
  CalendarDateTimeFieldProps,
  'value' | 'onChange' | 'onBlur' | 'inputRef'
> & {
  control: Control<T, unknown, Out>;
  /** A field of the form holding an ISO instant ('' while empty). */
  name: FieldPath<T>;
};

/** A `CalendarDateTimeField` bound to a react-hook-form field: an empty one is '' in the form's values. */
export function FormDateTimeField<T extends FieldValues, Out>({
  control,
  name,
  ...field
}: FormDateTimeFieldProps<T, Out>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: bound }) => (
        <CalendarDateTimeField
          {...field}
          value={bound.value || undefined}
          onChange={(value) => bound.onChange(value ?? '')}
          onBlur={bound.onBlur}
          inputRef={bound.ref}
        />
      )}
    />
  );
}
