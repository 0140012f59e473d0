import type { FormEvent, ReactNode } from 'react';
import { Button } from './button.tsx';
import { ModalDialog } from './modal-dialog.tsx';

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
 * A confirm step that asks for input (a reason, an evaluation) in a `ModalDialog`: Escape cancels;
 * Enter in a field submits the form.
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
  return (
    <ModalDialog
      open={open}
      title={title}
      description={description}
      busy={busy}
      onDismiss={onCancel}
      width="wide"
    >
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
    </ModalDialog>
  );
}
