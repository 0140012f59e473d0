import type { ReactNode } from 'react';
import { Button } from './button.tsx';

export type SearchFormProps = {
  /** The name of the search landmark, read out by screen readers. */
  label: string;
  submitLabel: string;
  /** Called on submit (the page is not reloaded); the page checks and runs the search. */
  onSubmit: () => void;
  /** The form's layout. */
  className: string;
  /** The search fields. */
  children: ReactNode;
};

/** A page's search: a `<search>` landmark holding the form, its fields and the search button last. */
export function SearchForm({ label, submitLabel, onSubmit, className, children }: SearchFormProps) {
  return (
    <search aria-label={label}>
      <form
        noValidate
        className={className}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <div>
          <Button type="submit">{submitLabel}</Button>
        </div>
      </form>
    </search>
  );
}
