import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';
import { ErrorSummary } from './error-summary.tsx';

export type SearchFormProps = {
  /** The name of the search landmark, read out by screen readers. */
  label: string;
  submitLabel: string;
  /** Called on submit (the page is not reloaded); the page checks and runs the search. */
  onSubmit: () => void;
  /** The form's layout. */
  className: string;
  /** Whether a field is in error: the form then opens with the error summary (the fields say which). */
  invalid?: boolean;
  /** The search fields. */
  children: ReactNode;
};

/**
 * A page's search: a `<search>` landmark holding the form, the error summary while a field is in
 * error, its fields and the search button last.
 */
export function SearchForm({ label, submitLabel, onSubmit, className, invalid, children }: SearchFormProps) {
  const { t } = useTranslation();
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
        {invalid ? <ErrorSummary title={t('form.errorSummaryTitle')} messages={[]} /> : null}
        {children}
        <div>
          <Button type="submit">{submitLabel}</Button>
        </div>
      </form>
    </search>
  );
}
