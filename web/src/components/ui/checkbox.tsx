import { type ComponentProps, createContext, useContext, useId } from 'react';
import { ChoiceInput, ChoiceLabel } from './choice.tsx';

/** Set by `CheckboxGroup` so each box is marked invalid with its group (the group's fieldset carries the error text). */
export const CheckboxGroupContext = createContext<{ invalid: boolean }>({ invalid: false });

export type CheckboxProps = Omit<ComponentProps<'input'>, 'type' | 'id'> & { label: string; id?: string };

/**
 * A DADS checkbox: a 24 px box with its label text beside it; the whole label is clickable and at
 * least 44 px high, so box and label make a 44 px touch target.
 */
export function Checkbox({ label, id, className, ...rest }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? `checkbox-${generated}`;
  const group = useContext(CheckboxGroupContext);
  return (
    <div className={`flex items-start gap-2 ${className ?? ''}`}>
      <ChoiceInput id={inputId} type="checkbox" invalid={group.invalid} {...rest} />
      <ChoiceLabel htmlFor={inputId}>{label}</ChoiceLabel>
    </div>
  );
}
