import type * as ExcelJS from 'exceljs';

/**
 * exceljs is loaded the first time a spreadsheet is read or written, not when the server starts:
 * with pdfmake (documents.ts) it took about a tenth of the embedded app's cold start, for files most
 * requests never make.
 */
let excel: Promise<typeof ExcelJS> | undefined;

export function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((module) => module.default);
  return excel;
}
