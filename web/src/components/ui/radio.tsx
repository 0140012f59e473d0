import { type ComponentProps, createContext, useContext, useId } from 'react';
import { ChoiceInput, ChoiceLabel } from './choice.tsx';

/** Set by `RadioGroup` so each radio is marked invalid with its group (the fieldset carries the error text). */
export const RadioGroupContext = createContext<{ invalid: boolean }>({ invalid: false });

export type RadioProps = Omit<ComponentProps<'input'>, 'type' | 'id'> & {
  label: string;
  id?: string;
  /** A second line under the label, e.g. what choosing this option means. */
  description?: string;
};

/** A DADS radio button: a 24 px circle with its label beside it; the whole label is clickable. */
export function Radio({ label, id, description, className, ...rest }: RadioProps) {
  const generated = useId();
  const inputId = id ?? `radio-${generated}`;
  const descriptionId = description ? `${inputId}-description` : undefined;
  const group = useContext(RadioGroupContext);
  return (
    <div className={`flex items-start gap-2 ${className ?? ''}`}>
      <ChoiceInput
        id={inputId}
        type="radio"
        invalid={group.invalid}
        aria-describedby={descriptionId}
        {...rest}
      />
      <div className="flex flex-col">
        <ChoiceLabel htmlFor={inputId}>{label}</ChoiceLabel>
        {description ? (
          <p id={descriptionId} className="pb-2 text-std-16N-170 text-solid-gray-700">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
