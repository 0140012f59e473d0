import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from './button.tsx';

export type FormDialogProps = {
  open: boolean;
  title: string;
  /** One or two sentences saying what the action does; read out when the dialog opens. */
  description: string;
  /** The form's fields. */
  children: ReactNode;
  submitLabel: string;
  cancelLabel: string;
  /** Shown above the fields, e.g. the problem the server answered. */
  error?: ReactNode;
  busy?: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
};

/**
 * A confirm step that asks for input (a reason, an evaluation) on a native modal `<dialog>`: focus is
 * trapped, Escape cancels, focus returns to the opener; Enter in a field submits the form.
 */
export function FormDialog({
  open,
  title,
  description,
  children,
  submitLabel,
  cancelLabel,
  error,
  busy,
  onSubmit,
  onCancel,
}: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto max-h-[calc(100%-2rem)] w-[min(44rem,calc(100%-2rem))] overflow-y-auto rounded-12 bg-white p-6 text-solid-gray-800 shadow-5"
    >
      <h2 id={titleId} className="text-std-22B-150 text-solid-gray-900">
        {title}
      </h2>
      <p id={bodyId} className="mt-4 text-std-16N-170">
        {description}
      </p>
      {open ? (
        <form noValidate onSubmit={onSubmit} className="mt-6 flex flex-col gap-6">
          {error ? <div>{error}</div> : null}
          {children}
          <div className="flex flex-wrap justify-end gap-4">
            <Button variant="outline" onClick={onCancel} disabled={busy}>
              {cancelLabel}
            </Button>
            <Button type="submit" aria-disabled={busy || undefined}>
              {submitLabel}
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
