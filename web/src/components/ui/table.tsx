import { type ComponentProps, type ReactNode, useLayoutEffect, useRef } from 'react';
import { labelCells } from './table-cards.ts';

export type TableProps = {
  /** The table's name; shown as its `<caption>`. */
  caption: string;
  /** Extra caption text such as the row count. */
  captionDetail?: string;
  children: ReactNode;
  /**
   * `cards` (default): below 768 px each row reads as a card, cells labelled with their column.
   * `scroll`: the table keeps its columns and scrolls sideways inside its region (wide grids whose
   * columns are compared across rows, e.g. a plan comparison).
   */
  narrow?: 'cards' | 'scroll';
};

/**
 * A DADS data table with a visible caption. Wide tables scroll inside a focusable,
 * labelled region so keyboard users can scroll them too, with the first column kept in view; on a
 * phone (below 768 px) rows become cards unless `narrow="scroll"`. The page itself never scrolls
 * sideways.
 */
export function Table({ caption, captionDetail, children, narrow = 'cards' }: TableProps) {
  const ref = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table || narrow !== 'cards') return;
    labelCells(table);
    // Rows come and go (paging, filters, edits): label them again whenever the table's content changes.
    const observer = new MutationObserver(() => labelCells(table));
    observer.observe(table, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [narrow]);
  return (
    <section
      className="relative w-full overflow-x-auto print:overflow-visible"
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
    >
      <table
        ref={ref}
        className={`table-sticky-first w-full border-collapse text-left ${narrow === 'cards' ? 'table-cards' : ''}`}
      >
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
