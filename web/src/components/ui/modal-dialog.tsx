import { type ReactNode, useEffect, useId, useRef } from 'react';

export type ModalDialogProps = {
  open: boolean;
  title: string;
  /** What the dialog is about; read out when it opens (`aria-describedby`). */
  description: ReactNode;
  /** While busy, Escape does nothing. */
  busy?: boolean;
  /** What Escape does. */
  onDismiss: () => void;
  /** `narrow` for a confirmation, `wide` (scrolling when tall) for a form. */
  width?: 'narrow' | 'wide';
  /** What follows the description: the error, the form, the buttons. */
  children: ReactNode;
};

const widths = {
  narrow: 'w-[min(36rem,calc(100%-2rem))]',
  wide: 'max-h-[calc(100%-2rem)] w-[min(44rem,calc(100%-2rem))] overflow-y-auto',
};

/**
 * The frame of every dialog: a native modal `<dialog>` shown while `open` (it traps focus, closes on
 * Escape and returns focus to the button that opened it), titled and described for screen readers.
 */
export function ModalDialog({
  open,
  title,
  description,
  busy,
  onDismiss,
  width = 'narrow',
  children,
}: ModalDialogProps) {
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
        if (!busy) onDismiss();
      }}
      className={`m-auto ${widths[width]} rounded-12 bg-white p-6 text-solid-gray-800 shadow-5`}
    >
      <h2 id={titleId} className="text-std-22B-150 text-solid-gray-900">
        {title}
      </h2>
      <div id={bodyId} className="mt-4 text-std-16N-170">
        {description}
      </div>
      {children}
    </dialog>
  );
}
