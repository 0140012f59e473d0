import { ErrorText, FieldLabel, SupportText } from './form-control.tsx';

/**
 * A DADS file input: visible label (with 必須 when `required`), support text and error text, tied
 * to the input with `for` and `aria-describedby`. It hands the picked file (or none) to `onPick`.
 */
export function FileField({
  id,
  label,
  supportText,
  error,
  required,
  accept,
  onPick,
}: {
  id: string;
  label: string;
  supportText: string;
  error: string | null;
  required?: boolean;
  accept?: string;
  onPick: (file: File | null) => void;
}) {
  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      <SupportText id={`${id}-support`}>{supportText}</SupportText>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-describedby={`${id}-support${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        className="w-full max-w-[40rem] rounded-8 border border-solid-gray-600 bg-white p-3 text-std-16N-170"
        onChange={(event) => onPick(event.currentTarget.files?.[0] ?? null)}
      />
      {error ? <ErrorText id={`${id}-error`}>{error}</ErrorText> : null}
    </div>
  );
}
