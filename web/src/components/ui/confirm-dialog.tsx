import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';
import { ModalDialog } from './modal-dialog.tsx';
import { problemAlertOf } from './problem-alert.tsx';

/** The action a dialog confirms (a mutation): busy while it runs, its refusal shown in the dialog. */
export type ConfirmedAction = { isPending: boolean; error: unknown };

export type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** 「キャンセル」 unless given. */
  cancelLabel?: string;
  /** Shown inside the dialog, e.g. the reason the action failed. */
  error?: ReactNode;
  busy?: boolean;
  /** The action confirmed, for `busy` and `error` (its refusal). */
  action?: ConfirmedAction;
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
  action,
  error = problemAlertOf(action?.error),
  busy = action?.isPending,
  onConfirm,
  onCancel,
  onDismiss,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
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
          {cancelLabel ?? t('common.cancel')}
        </Button>
        <Button variant="solid-fill" onClick={busy ? undefined : onConfirm} aria-disabled={busy || undefined}>
          {confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
