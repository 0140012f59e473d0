import { type ComponentProps, createContext, useContext, useId } from 'react';

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
      <input
        id={inputId}
        type="radio"
        aria-invalid={group.invalid || undefined}
        aria-describedby={descriptionId}
        className="mt-2.5 size-6 shrink-0 cursor-pointer accent-blue-900"
        {...rest}
      />
      <div className="flex flex-col">
        <label
          htmlFor={inputId}
          className="flex min-h-11 cursor-pointer items-center py-1 text-dns-16N-130 text-solid-gray-800"
        >
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="pb-2 text-std-16N-170 text-solid-gray-700">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
