import type { ComponentProps, ReactNode } from 'react';

/** The 24 px box or circle of a DADS checkbox or radio, marked invalid with its group. */
export function ChoiceInput({
  invalid,
  ...rest
}: Omit<ComponentProps<'input'>, 'className' | 'aria-invalid'> & {
  type: 'checkbox' | 'radio';
  invalid: boolean;
}) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className="mt-2.5 size-6 shrink-0 cursor-pointer accent-blue-900"
      {...rest}
    />
  );
}

/** The label beside a checkbox or radio: clickable and at least 44 px high, so box and label make a touch target. */
export function ChoiceLabel({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label
      htmlFor={htmlFor}
      className="flex min-h-11 cursor-pointer items-center py-1 text-dns-16N-130 text-solid-gray-800"
    >
      {children}
    </label>
  );
}
