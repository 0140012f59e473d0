import { type ComponentProps, useId } from 'react';
import { describedBy, ErrorText, FieldLabel, SupportText } from './form-control.tsx';

export type SelectFieldProps = Omit<ComponentProps<'select'>, 'id' | 'required'> & {
  label: string;
  supportText?: string;
  error?: string | undefined;
  required?: boolean;
  id?: string;
};

/** A DADS select: native `<select>` (keyboard and screen-reader friendly) with label, support and error text. */
export function SelectField({
  label,
  supportText,
  error,
  required,
  id,
  className,
  children,
  ...rest
}: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? `field-${generated}`;
  const supportId = supportText ? `${selectId}-support` : undefined;
  const errorId = `${selectId}-error`;
  const hasError = Boolean(error);
  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={selectId} required={required}>
        {label}
      </FieldLabel>
      {supportId ? <SupportText id={supportId}>{supportText}</SupportText> : null}
      <div className="relative w-full max-w-[40rem]">
        <select
          id={selectId}
          aria-describedby={describedBy({ supportId, errorId }, hasError)}
          aria-invalid={hasError || undefined}
          aria-required={required || undefined}
          className={`h-14 w-full appearance-none rounded-8 border border-solid-gray-600 bg-white py-3 pr-12 pl-4 text-oln-16N-100 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-1 ${className ?? ''}`}
          {...rest}
        >
          {children}
        </select>
        <svg
          aria-hidden="true"
          focusable="false"
          className="pointer-events-none absolute top-1/2 right-4 size-4 -translate-y-1/2 text-solid-gray-800"
          viewBox="0 0 16 16"
        >
          <path fill="currentColor" d="M8 11.5 2.5 6l1.1-1.1L8 9.3l4.4-4.4L13.5 6z" />
        </svg>
      </div>
      {hasError ? <ErrorText id={errorId}>{error}</ErrorText> : null}
    </div>
  );
}
