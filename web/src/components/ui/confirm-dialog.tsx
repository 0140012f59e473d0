import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from './button.tsx';

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

/**
 * A confirm step on a native modal `<dialog>`: it traps focus, closes on Escape and returns
 * focus to the button that opened it.
 */
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
        if (!busy) (onDismiss ?? onCancel)();
      }}
      className="m-auto w-[min(36rem,calc(100%-2rem))] rounded-12 bg-white p-6 text-solid-gray-800 shadow-5"
    >
      <h2 id={titleId} className="text-std-22B-150 text-solid-gray-900">
        {title}
      </h2>
      <div id={bodyId} className="mt-4 text-std-16N-170">
        {children}
      </div>
      {error ? <div className="mt-4">{error}</div> : null}
      <div className="mt-6 flex flex-wrap justify-end gap-4">
        <Button variant="outline" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </Button>
        <Button variant="solid-fill" onClick={busy ? undefined : onConfirm} aria-disabled={busy || undefined}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
