import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The ids that tie a field's support and error text to its control. */
export function describedBy(
  ids: { supportId?: string; errorId?: string },
  hasError: boolean,
): string | undefined {
  const list = [hasError ? ids.errorId : undefined, ids.supportId].filter((id): id is string => Boolean(id));
  return list.length > 0 ? list.join(' ') : undefined;
}

/** 「※必須」 as text, so it is read out and does not depend on colour. */
export function RequiredMark() {
  const { t } = useTranslation();
  return <span className="ml-2 text-oln-16N-100 text-error-2">{t('common.required')}</span>;
}

export function FieldLabel({
  htmlFor,
  required,
  children,
}: {
  htmlFor: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <label htmlFor={htmlFor} className="block text-std-17B-170 text-solid-gray-800">
      {children}
      {required ? <RequiredMark /> : null}
    </label>
  );
}

export function SupportText({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-std-16N-170 text-solid-gray-700">
      {children}
    </p>
  );
}

export function ErrorText({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-dns-16N-130 text-error-2">
      {children}
    </p>
  );
}

/** What a field says about itself: its label, the hint under it, its error, whether it is required. */
export type FieldTexts = {
  label: string;
  supportText?: string | undefined;
  /** The error to show; also marks the control `aria-invalid`. */
  error?: string | undefined;
  required?: boolean | undefined;
};

/** Splits a field's props into what `Field` says about it (id and texts) and the rest, for its control. */
export function splitFieldProps<P extends FieldTexts & { id?: string | undefined }>({
  id,
  label,
  supportText,
  error,
  required,
  ...control
}: P) {
  return { field: { id, label, supportText, error, required }, control };
}

/** The ids tying a field's control to its support and error text. */
export function useFieldIds(
  id: string | undefined,
  supportText: string | undefined,
  error: string | undefined,
) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const supportId = supportText ? `${controlId}-support` : undefined;
  const errorId = `${controlId}-error`;
  const hasError = Boolean(error);
  return {
    controlId,
    supportId,
    errorId,
    hasError,
    describedBy: describedBy({ supportId, errorId }, hasError),
  };
}

/** The attributes a field's control carries: its id and its ARIA ties to the texts around it. */
export type ControlAttributes = {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
};

/**
 * A DADS field: the visible label (with 必須), the optional support text, the control `children`
 * draws with the attributes it is given, and the error text.
 */
export function Field({
  id,
  label,
  supportText,
  error,
  required,
  children,
}: FieldTexts & { id?: string | undefined; children: (control: ControlAttributes) => ReactNode }) {
  const ids = useFieldIds(id, supportText, error);
  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={ids.controlId} required={required}>
        {label}
      </FieldLabel>
      {ids.supportId ? <SupportText id={ids.supportId}>{supportText}</SupportText> : null}
      {children({
        id: ids.controlId,
        'aria-describedby': ids.describedBy,
        'aria-invalid': ids.hasError || undefined,
        'aria-required': required || undefined,
      })}
      {ids.hasError ? <ErrorText id={ids.errorId}>{error}</ErrorText> : null}
    </div>
  );
}

/**
 * A labelled group of choices (`<fieldset>` + `<legend>`, with 必須), with one support and one error
 * text for the group; `children` draws the choices, told whether the group is in error.
 */
export function FieldGroup({
  legend,
  supportText,
  error,
  required,
  children,
}: Omit<FieldTexts, 'label'> & { legend: string; children: (invalid: boolean) => ReactNode }) {
  const ids = useFieldIds(`group-${useId()}`, supportText, error);
  return (
    <fieldset aria-describedby={ids.describedBy} className="flex flex-col gap-2">
      <legend className="mb-2 text-std-17B-170 text-solid-gray-800">
        {legend}
        {required ? <RequiredMark /> : null}
      </legend>
      {ids.supportId ? <SupportText id={ids.supportId}>{supportText}</SupportText> : null}
      {children(ids.hasError)}
      {ids.hasError ? <ErrorText id={ids.errorId}>{error}</ErrorText> : null}
    </fieldset>
  );
}
