import type { ComponentProps, ReactNode } from 'react';

export type TableProps = {
  /** The table's name; shown as its `<caption>`. */
  caption: string;
  /** Extra caption text such as the row count. */
  captionDetail?: string;
  children: ReactNode;
};

/**
 * A DADS data table with a visible caption. Wide tables scroll inside a focusable,
 * labelled region so keyboard users can scroll them too.
 */
export function Table({ caption, captionDetail, children }: TableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="w-full overflow-x-auto print:overflow-visible" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-std-17B-170 text-solid-gray-800">
          {caption}
          {captionDetail ? (
            <span className="ml-3 text-std-16N-170 text-solid-gray-700">{captionDetail}</span>
          ) : null}
        </caption>
        {children}
      </table>
    </section>
  );
}

const headerStyles = {
  col: 'border-b-2 border-solid-gray-600 bg-solid-gray-50 align-bottom text-std-16B-170 text-solid-gray-900 whitespace-nowrap',
  row: 'border-b border-solid-gray-420 align-top text-std-16N-170 text-solid-gray-900',
};

/** A header cell. `scope` is required so every header says what it heads (column, or the row's name). */
export function Th({ scope, className, ...rest }: ComponentProps<'th'> & { scope: 'col' | 'row' }) {
  // On paper a table must fit the page: no scrolling, so cells wrap (print:whitespace-normal).
  return (
    <th
      scope={scope}
      className={`px-4 py-3 ${headerStyles[scope]} ${className ?? ''} print:min-w-0 print:px-1 print:py-1 print:text-[9pt] print:leading-snug print:whitespace-normal print:break-words`}
      {...rest}
    />
  );
}

export function Td({ className, ...rest }: ComponentProps<'td'>) {
  return (
    <td
      className={`border-b border-solid-gray-420 px-4 py-3 align-top text-std-16N-170 text-solid-gray-800 ${className ?? ''} print:min-w-0 print:px-1 print:py-1 print:text-[9pt] print:leading-snug print:whitespace-normal print:break-words`}
      {...rest}
    />
  );
}
