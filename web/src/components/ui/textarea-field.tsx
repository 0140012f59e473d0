import { type ComponentProps, useId } from 'react';
import { describedBy, ErrorText, FieldLabel, SupportText } from './form-control.tsx';

export type TextareaFieldProps = Omit<ComponentProps<'textarea'>, 'placeholder' | 'id' | 'required'> & {
  label: string;
  supportText?: string;
  error?: string | undefined;
  required?: boolean;
  id?: string;
  /** Never a placeholder: DADS keeps every hint visible. */
  placeholder?: never;
};

/** A DADS multi-line text field: visible label, support text and error text tied by `aria-describedby`. */
export function TextareaField({
  label,
  supportText,
  error,
  required,
  id,
  className,
  rows = 4,
  ...rest
}: TextareaFieldProps) {
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
      <textarea
        id={inputId}
        rows={rows}
        aria-describedby={describedBy({ supportId, errorId }, hasError)}
        aria-invalid={hasError || undefined}
        aria-required={required || undefined}
        className={`w-full max-w-[48rem] rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-1 ${className ?? ''}`}
        {...rest}
      />
      {hasError ? <ErrorText id={errorId}>{error}</ErrorText> : null}
    </div>
  );
}
