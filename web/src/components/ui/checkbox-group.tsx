import type { ReactNode } from 'react';
import { CheckboxGroupContext } from './checkbox.tsx';
import { FieldGroup } from './form-control.tsx';

export type CheckboxGroupProps = {
  legend: string;
  supportText?: string;
  error?: string | undefined;
  required?: boolean;
  children: ReactNode;
};

/** A labelled group of checkboxes (`<fieldset>` + `<legend>`), with one support / error text for the group. */
export function CheckboxGroup({ children, ...group }: CheckboxGroupProps) {
  return (
    <FieldGroup {...group}>
      {(invalid) => (
        <CheckboxGroupContext value={{ invalid }}>
          <div className="flex flex-col">{children}</div>
        </CheckboxGroupContext>
      )}
    </FieldGroup>
  );
}
