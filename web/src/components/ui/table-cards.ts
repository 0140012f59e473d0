/**
 * On a narrow screen a data table is read as a stack of cards, one per row, each cell preceded by
 * its column's name. The names come from the table's own column headers, so every table gets them
 * without repeating them in each cell: this copies each `<th scope="col">` text to the
 * `data-label` of the cells below it (counting `colSpan`), which the stylesheet shows before the
 * cell's content (`index.css`, `.table-cards`). A cell that spans several columns gets no label.
 */
export function labelCells(table: HTMLTableElement): void {
  const headRows = table.querySelectorAll<HTMLTableRowElement>(':scope > thead > tr');
  const headRow = headRows[headRows.length - 1];
  if (!headRow) return;
  const labels: (string | null)[] = [];
  for (const cell of cellsOf(headRow)) {
    const span = spanOf(cell);
    const text = cell.textContent?.trim() ?? '';
    for (let i = 0; i < span; i += 1) labels.push(span === 1 && text ? text : null);
  }
  for (const row of table.querySelectorAll<HTMLTableRowElement>(':scope > tbody > tr')) {
    let column = 0;
    for (const cell of cellsOf(row)) {
      const span = spanOf(cell);
      const label = span === 1 ? labels[column] : null;
      if (label) {
        if (cell.dataset.label !== label) cell.dataset.label = label;
      } else if (cell.dataset.label !== undefined) delete cell.dataset.label;
      column += span;
    }
  }
}

function cellsOf(row: HTMLTableRowElement): HTMLTableCellElement[] {
  return Array.from(row.children).filter(
    (child): child is HTMLTableCellElement => child.tagName === 'TD' || child.tagName === 'TH',
  );
}

function spanOf(cell: HTMLTableCellElement): number {
  const span = Number(cell.getAttribute('colspan') ?? '1');
  return Number.isInteger(span) && span > 0 ? span : 1;
}
