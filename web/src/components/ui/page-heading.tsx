import { type ReactNode, useEffect, useRef } from 'react';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { takeHeadingFocus } from '../../lib/heading-focus.ts';

export type PageHeadingProps = {
  /** The page's one `<h1>`; also the first part of `document.title` unless `documentTitle` is given. */
  children: string;
  documentTitle?: string;
  lead?: ReactNode;
  actions?: ReactNode;
};

/**
 * The heading of a page. `tabIndex=-1` lets the shell move focus here after a client-side
 * navigation, so screen readers announce the new page.
 */
export function PageHeading({ children, documentTitle, lead, actions }: PageHeadingProps) {
  useDocumentTitle(documentTitle ?? children);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => takeHeadingFocus(ref.current), []);
  return (
    <div className="mb-8 flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 ref={ref} tabIndex={-1} className="text-std-32B-150 text-solid-gray-900">
          {children}
        </h1>
        {actions ? <div className="flex flex-wrap gap-4">{actions}</div> : null}
      </div>
      {lead ? <p className="text-std-16N-170 text-solid-gray-700">{lead}</p> : null}
    </div>
  );
}
