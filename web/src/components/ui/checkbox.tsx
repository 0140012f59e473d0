import { type ComponentProps, createContext, useContext, useId } from 'react';

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
      <input
        id={inputId}
        type="checkbox"
        aria-invalid={group.invalid || undefined}
        className="mt-2.5 size-6 shrink-0 cursor-pointer accent-blue-900"
        {...rest}
      />
      <label
        htmlFor={inputId}
        className="flex min-h-11 cursor-pointer items-center py-1 text-dns-16N-130 text-solid-gray-800"
      >
        {label}
      </label>
    </div>
  );
}
