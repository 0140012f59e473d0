import type { ReactNode } from 'react';
import { Table, type TableProps, Td, Th } from './table.tsx';

/**
 * A column header: its text, or its text with classes for the header cell (e.g. a minimum width), or
 * text only screen readers hear (`visuallyHidden`: a column of row buttons needs no visible heading).
 */
export type DataColumn = string | { label: string; className?: string; visuallyHidden?: boolean };

/** The header row of a data table: one `<th scope="col">` per column. */
export function TableHead({ columns }: { columns: readonly DataColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const { label, className, visuallyHidden } =
            typeof column === 'string' ? { label: column } : column;
          return (
            <Th key={label} scope="col" className={className}>
              {visuallyHidden ? <span className="sr-only">{label}</span> : label}
            </Th>
          );
        })}
      </tr>
    </thead>
  );
}

/** A table body whose rows are drawn by `children`, or one full-width row saying `empty` when there are none. */
export function TableRows<T>({
  columnCount,
  rows,
  empty,
  children,
}: {
  columnCount: number;
  rows: readonly T[];
  empty: ReactNode;
  children: (row: T, index: number) => ReactNode;
}) {
  return (
    <tbody>
      {rows.length === 0 ? (
        <tr>
          <Td colSpan={columnCount}>{empty}</Td>
        </tr>
      ) : (
        rows.map(children)
      )}
    </tbody>
  );
}

export type DataTableProps<T> = Omit<TableProps, 'children'> & {
  columns: readonly DataColumn[];
  rows: readonly T[];
  /** What the table says, in one full-width row, when there are no rows. */
  empty: ReactNode;
  /** One `<tr>` (with its key) per row. */
  children: (row: T, index: number) => ReactNode;
};

/**
 * The list table every screen draws: a captioned `Table`, its column headers, and one row per item or
 * the `empty` sentence. Rows stay the caller's (`children`), so each screen keeps its own cells.
 */
export function DataTable<T>({ columns, rows, empty, children, ...table }: DataTableProps<T>) {
  return (
    <Table {...table}>
      <TableHead columns={columns} />
      <TableRows columnCount={columns.length} rows={rows} empty={empty}>
        {children}
      </TableRows>
    </Table>
  );
}
