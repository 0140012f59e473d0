import { type ReactNode, useId, useState } from 'react';
import { Button } from './button.tsx';

export type FormRevealProps = {
  /** The button's text, saying what the form creates: 「会議を計画する」. */
  label: string;
  /** Open at first, e.g. when the list above is still empty and the form is the next step. */
  defaultOpen?: boolean;
  /** The form; `close` folds it away again (after a save). */
  children: (close: () => void) => ReactNode;
};

/**
 * A creation form folded behind a button under its list, so the list is what a page shows first.
 * The button says whether it is open (`aria-expanded`) and which region it shows (`aria-controls`).
 */
export function FormReveal({ label, defaultOpen = false, children }: FormRevealProps) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <div className="flex flex-col gap-6 print:hidden">
      <div>
        <Button
          variant="outline"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((was) => !was)}
        >
          <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="size-5 fill-current">
            {open ? <path d="M5 11h14v2H5Z" /> : <path d="M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6Z" />}
          </svg>
          {label}
        </Button>
      </div>
      <div id={id} hidden={!open}>
        {open ? children(() => setOpen(false)) : null}
      </div>
    </div>
  );
}
