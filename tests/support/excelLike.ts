import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface OpenedCell {
  type: 'formula' | 'number' | 'text';
  /** What the spreadsheet shows (for text kept by a leading apostrophe: without it). */
  shown: string;
}

/**
 * Open CSV bytes with exceljs the way Excel opens a CSV: a cell whose text (after leading tabs,
 * carriage returns and spaces) starts with `=`, `+`, `-` or `@` and is not a plain number becomes a
 * formula; a cell starting with an apostrophe is text shown without it; a plain number is a number.
 * exceljs's own CSV reader keeps every cell as a value, so this map is what makes it a spreadsheet.
 */
export async function excelLikeCells(bytes: Buffer): Promise<OpenedCell[][]> {
  const text = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([text.toString('utf8')]), {
    map: (value: string) => {
      if (value.startsWith("'")) return { richText: [{ text: value.slice(1) }] };
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return Number(value);
      if (/^[\t\r ]*[=+\-@]/.test(value)) return { formula: value.replace(/^[\t\r ]*=?/, ''), result: 0 };
      return value;
    },
  } as Parameters<typeof workbook.csv.read>[1]);
  const rows: OpenedCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: OpenedCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Formula)
        cells.push({ type: 'formula', shown: String(cell.formula) });
      else if (cell.type === ExcelJS.ValueType.Number)
        cells.push({ type: 'number', shown: String(cell.value) });
      else if (cell.type === ExcelJS.ValueType.RichText)
        cells.push({
          type: 'text',
          shown: (cell.value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(''),
        });
      else cells.push({ type: 'text', shown: cell.value === null ? '' : String(cell.value) });
    });
    rows.push(cells);
  });
  return rows;
}
