import { type ReactNode, useEffect, useRef } from 'react';
import { textLinkClassName } from './text-link.ts';

export type LinkedError = {
  /** The id of the control to move to. */
  targetId: string;
  /** What is wrong, naming the field as the person sees it, e.g. 「本人の氏：入力してください」. */
  text: string;
};

export type LinkedErrorSummaryProps = {
  title: string;
  errors: readonly LinkedError[];
  /** Further messages that belong to no field (a server refusal). */
  children?: ReactNode;
  /** Changes whenever the form is submitted again, so the summary takes focus each time. */
  focusKey?: number;
};

/**
 * The error summary of a long form: a focusable alert listing each error as a link to its field
 * (GOV.UK / DADS pattern), so keyboard and screen-reader users can jump straight to it.
 */
export function LinkedErrorSummary({ title, errors, children, focusKey }: LinkedErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey !== undefined) ref.current?.focus();
  }, [focusKey]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="flex flex-col gap-3 rounded-12 border-2 border-error-2 bg-red-50 p-4"
    >
      <p id="error-summary-title" className="text-std-17B-170 text-solid-gray-900">
        {title}
      </p>
      {errors.length > 0 ? (
        <ul className="list-disc pl-6 text-std-16N-170 text-solid-gray-800">
          {errors.map((error) => (
            <li key={`${error.targetId}:${error.text}`}>
              <a
                href={`#${error.targetId}`}
                className={textLinkClassName}
                onClick={(event) => {
                  const target = document.getElementById(error.targetId);
                  if (!target) return;
                  event.preventDefault();
                  target.scrollIntoView({ block: 'center' });
                  target.focus();
                }}
              >
                {error.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}
