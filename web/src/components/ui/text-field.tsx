import type { ComponentProps } from 'react';
import { Field, type FieldTexts, splitFieldProps } from './form-control.tsx';

export type TextFieldProps = Omit<ComponentProps<'input'>, 'placeholder' | 'id' | 'required'> &
  FieldTexts & {
    id?: string;
    /** Never a placeholder: DADS keeps every hint visible (`placeholder` is not accepted). */
    placeholder?: never;
  };

/**
 * A DADS text input: visible label, optional support text, error text, all tied to the input
 * with `for` and `aria-describedby`.
 */
export function TextField({ className, ...props }: TextFieldProps) {
  const { field, control: rest } = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          className={`h-14 w-full max-w-[40rem] rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-oln-16N-100 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-1 read-only:border-dashed ${className ?? ''}`}
          {...rest}
        />
      )}
    </Field>
  );
}
