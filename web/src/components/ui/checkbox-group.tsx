import { type ReactNode, useId } from 'react';
import { CheckboxGroupContext } from './checkbox.tsx';
import { describedBy, ErrorText, RequiredMark, SupportText } from './form-control.tsx';

export type CheckboxGroupProps = {
  legend: string;
  supportText?: string;
  error?: string | undefined;
  required?: boolean;
  children: ReactNode;
};

/** A labelled group of checkboxes (`<fieldset>` + `<legend>`), with one support / error text for the group. */
export function CheckboxGroup({ legend, supportText, error, required, children }: CheckboxGroupProps) {
  const id = `group-${useId()}`;
  const supportId = supportText ? `${id}-support` : undefined;
  const errorId = `${id}-error`;
  const hasError = Boolean(error);
  const ids = describedBy({ supportId, errorId }, hasError);
  return (
    <fieldset aria-describedby={ids} className="flex flex-col gap-2">
      <legend className="mb-2 text-std-17B-170 text-solid-gray-800">
        {legend}
        {required ? <RequiredMark /> : null}
      </legend>
      {supportId ? <SupportText id={supportId}>{supportText}</SupportText> : null}
      <CheckboxGroupContext value={{ invalid: hasError }}>
        <div className="flex flex-col">{children}</div>
      </CheckboxGroupContext>
      {hasError ? <ErrorText id={errorId}>{error}</ErrorText> : null}
    </fieldset>
  );
}
