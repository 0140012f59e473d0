import { type ComponentProps, useId } from 'react';
import { describedBy, ErrorText, FieldLabel, SupportText } from './form-control.tsx';

export type TextFieldProps = Omit<ComponentProps<'input'>, 'placeholder' | 'id' | 'required'> & {
  label: string;
  supportText?: string;
  /** The error to show; also sets `aria-invalid`. */
  error?: string | undefined;
  required?: boolean;
  id?: string;
  /** Never a placeholder: DADS keeps every hint visible (`placeholder` is not accepted). */
  placeholder?: never;
};

/**
 * A DADS text input: visible label, optional support text, error text, all tied to the input
 * with `for` and `aria-describedby`.
 */
export function TextField({ label, supportText, error, required, id, className, ...rest }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? `field-${generated}`;
  const supportId = supportText ? `${inputId}-support` : undefined;
  const errorId = `${inputId}-error`;
  const hasError = Boolean(error);
  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={inputId} required={required}>
        {label}
      </FieldLabel>
      {supportId ? <SupportText id={supportId}>{supportText}</SupportText> : null}
      <input
        id={inputId}
        aria-describedby={describedBy({ supportId, errorId }, hasError)}
        aria-invalid={hasError || undefined}
        aria-required={required || undefined}
        className={`h-14 w-full max-w-[40rem] rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-oln-16N-100 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-1 read-only:border-dashed ${className ?? ''}`}
        {...rest}
      />
      {hasError ? <ErrorText id={errorId}>{error}</ErrorText> : null}
    </div>
  );
}
