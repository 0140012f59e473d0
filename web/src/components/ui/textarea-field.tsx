import type { ComponentProps } from 'react';
import { Field, type FieldTexts, splitFieldProps } from './form-control.tsx';

export type TextareaFieldProps = Omit<ComponentProps<'textarea'>, 'placeholder' | 'id' | 'required'> &
  FieldTexts & {
    id?: string;
    /** Never a placeholder: DADS keeps every hint visible. */
    placeholder?: never;
  };

/** A DADS multi-line text field: visible label, support text and error text tied by `aria-describedby`. */
export function TextareaField({ className, rows = 4, ...props }: TextareaFieldProps) {
  const { field, control: rest } = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          className={`w-full max-w-[48rem] rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-1 ${className ?? ''}`}
          {...rest}
        />
      )}
    </Field>
  );
}
