import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { ModalDialog } from './modal-dialog.tsx';

export type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Shown inside the dialog, e.g. the reason the action failed. */
  error?: ReactNode;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** What Escape does; the cancel action unless given. */
  onDismiss?: () => void;
};

/** A confirm step in a `ModalDialog`: what is about to happen, cancel and confirm. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  error,
  busy,
  onConfirm,
  onCancel,
  onDismiss,
}: ConfirmDialogProps) {
  return (
    <ModalDialog
      open={open}
      title={title}
      description={children}
      busy={busy}
      onDismiss={onDismiss ?? onCancel}
    >
      {error ? <div className="mt-4">{error}</div> : null}
      <div className="mt-6 flex flex-wrap justify-end gap-4">
        <Button variant="outline" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </Button>
        <Button variant="solid-fill" onClick={busy ? undefined : onConfirm} aria-disabled={busy || undefined}>
          {confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
