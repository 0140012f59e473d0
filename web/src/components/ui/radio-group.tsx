import type { ReactNode } from 'react';
import { FieldGroup } from './form-control.tsx';
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
export function RadioGroup({ inline, children, ...group }: RadioGroupProps) {
  return (
    <FieldGroup {...group}>
      {(invalid) => (
        <RadioGroupContext value={{ invalid }}>
          <div className={inline ? 'flex flex-wrap gap-x-6' : 'flex flex-col'}>{children}</div>
        </RadioGroupContext>
      )}
    </FieldGroup>
  );
}
