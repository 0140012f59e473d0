import { type ReactNode, useId } from 'react';
import { describedBy, ErrorText, RequiredMark, SupportText } from './form-control.tsx';
import { RadioGroupContext } from './radio.tsx';

export type RadioGroupProps = {
  legend: string;
  supportText?: string;
  error?: string | undefined;
  required?: boolean;
  /** Lay the choices out in a row (short labels such as 達成 / 一部達成 / 未達成). */
  inline?: boolean;
  children: ReactNode;
};

/** A labelled group of radio buttons (`<fieldset>` + `<legend>`), with one support / error text for the group. */
export function RadioGroup({ legend, supportText, error, required, inline, children }: RadioGroupProps) {
  const id = `radios-${useId()}`;
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
      <RadioGroupContext value={{ invalid: hasError }}>
        <div className={inline ? 'flex flex-wrap gap-x-6' : 'flex flex-col'}>{children}</div>
      </RadioGroupContext>
      {hasError ? <ErrorText id={errorId}>{error}</ErrorText> : null}
    </fieldset>
  );
}
