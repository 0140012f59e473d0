import { createRequire } from 'node:module';
import path from 'node:path';
import type * as ExcelJS from 'exceljs';
import type PdfMake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { encodeCsv } from './csv.ts';
import { loadExcel } from './officeLibraries.ts';

/**
 * A printable document as officials expect it: a title, a few header lines, then sections each
 * made of a heading and a table. One model, rendered as CSV, xlsx and PDF, so the three never
 * disagree.
 */
export interface TableDocument {
  title: string;
  subtitle: string[];
  sections: DocumentSection[];
  notes: string[];
}

export interface DocumentSection {
  heading: string;
  columns: { header: string; width: number }[];
  rows: string[][];
}

/** A column of a section: its header and width, and what it shows for one row. */
export interface DocumentColumn<T> {
  header: string;
  width: number;
  cell: (row: T) => string;
}

/** A table section with one row per record, each column declared with the cell it shows. */
export function tableSection<T>(
  heading: string,
  records: readonly T[],
  columns: readonly DocumentColumn<T>[],
): DocumentSection {
  return {
    heading,
    columns: columns.map(({ header, width }) => ({ header, width })),
    rows: records.map((record) => columns.map((column) => column.cell(record))),
  };
}

export type DocumentFormat = 'csv' | 'xlsx' | 'pdf';

export interface RenderedDocument {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** CSV: UTF-8 with a BOM (Excel opens it correctly), or Shift_JIS for older office software. */
export function renderCsv(document: TableDocument, encoding: 'utf-8' | 'shift_jis'): Buffer {
  const lines: string[][] = [[document.title], ...document.subtitle.map((s) => [s])];
  for (const section of document.sections) {
    lines.push(
      [],
      [section.heading],
      section.columns.map((c) => c.header),
      ...section.rows,
    );
  }
  if (document.notes.length) lines.push([], ...document.notes.map((n) => [n]));
  return encodeCsv(lines, encoding);
}

/** An xlsx sheet's print setup: A4 landscape, as wide as one page. */
export const a4LandscapeSetup: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

/** A header row of an xlsx sheet: bold, on a light blue fill, with a thin line under it. */
export function xlsxHeaderRow(sheet: ExcelJS.Worksheet, cells: string[]): ExcelJS.Row {
  const row = sheet.addRow(cells);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  return row;
}

/** xlsx: one worksheet, sections stacked with bold headings, set to print on A4 landscape. */
export async function renderXlsx(document: TableDocument): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Kasane';
  const sheet = workbook.addWorksheet(document.title.slice(0, 31), { pageSetup: a4LandscapeSetup });
  const widest = Math.max(...document.sections.map((s) => s.columns.length), 1);
  sheet.columns = Array.from({ length: widest }, (_, i) => ({
    width: Math.max(...document.sections.map((s) => s.columns[i]?.width ?? 10), 10),
  }));
  sheet.addRow([document.title]).font = { bold: true, size: 14 };
  for (const line of document.subtitle) sheet.addRow([line]);
  for (const section of document.sections) {
    sheet.addRow([]);
    sheet.addRow([section.heading]).font = { bold: true, size: 12 };
    xlsxHeaderRow(
      sheet,
      section.columns.map((c) => c.header),
    );
    for (const cells of section.rows) {
      const row = sheet.addRow(cells);
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
  if (document.notes.length) {
    sheet.addRow([]);
    for (const note of document.notes) sheet.addRow([note]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What every PDF Kasane prints shares: an A4 page in the Japanese font, and the document's title. */
export function a4Page(
  title: string,
  orientation: 'portrait' | 'landscape',
  margins: [number, number, number, number],
  text: { fontSize: number; lineHeight?: number },
): Pick<TDocumentDefinitions, 'pageSize' | 'pageOrientation' | 'pageMargins' | 'info' | 'defaultStyle'> {
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: margins,
    info: { title, creator: 'Kasane' },
    defaultStyle: { font: 'NotoSansJP', ...text },
  };
}

const require = createRequire(import.meta.url);
const fontFolder = path.dirname(
  path.dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json')),
);
const fontFiles = {
  normal: path.join(fontFolder, 'noto-sans-jp', '400Regular', 'NotoSansJP_400Regular.ttf'),
  bold: path.join(fontFolder, 'noto-sans-jp', '700Bold', 'NotoSansJP_700Bold.ttf'),
};
const allowedFonts = new Set(Object.values(fontFiles));

/** pdfmake, loaded with its fonts and access policies the first time a PDF is made (as exceljs). */
let pdfMake: Promise<typeof PdfMake> | undefined;

function loadPdfMake(): Promise<typeof PdfMake> {
  pdfMake ??= import('pdfmake').then(({ default: pdf }) => {
    pdf.setFonts({
      NotoSansJP: {
        normal: fontFiles.normal,
        bold: fontFiles.bold,
        italics: fontFiles.normal,
        bolditalics: fontFiles.bold,
      },
    });
    // A document never fetches anything: no URL at all, and on disk only the two embedded fonts.
    pdf.setUrlAccessPolicy(() => false);
    pdf.setLocalAccessPolicy((file) => allowedFonts.has(path.resolve(file)));
    return pdf;
  });
  return pdfMake;
}

/** Any pdfmake document with the fonts and access policies above (the 帳票 build their own layout). */
export async function renderPdfDefinition(definition: TDocumentDefinitions): Promise<Buffer> {
  return (await loadPdfMake()).createPdf(definition).getBuffer();
}

/** PDF on A4 landscape with Noto Sans JP embedded (subset), page numbers in the footer. */
export async function renderPdf(document: TableDocument): Promise<Buffer> {
  const content: Content[] = [
    { text: document.title, style: 'title' },
    ...document.subtitle.map((line): Content => ({ text: line, style: 'subtitle' })),
  ];
  for (const section of document.sections) {
    const total = section.columns.reduce((sum, c) => sum + c.width, 0);
    content.push({ text: section.heading, style: 'heading' });
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: section.columns.map((c) => `${((c.width / total) * 100).toFixed(2)}%`),
        body: [
          section.columns.map((c) => ({ text: c.header, bold: true, fillColor: '#e8eef7' })),
          ...(section.rows.length
            ? section.rows
            : [
                [
                  { text: '（該当なし）', colSpan: section.columns.length },
                  ...section.columns.slice(1).map(() => ''),
                ],
              ]),
        ],
      },
      layout: { hLineColor: '#888888', vLineColor: '#888888' },
    });
  }
  for (const note of document.notes) content.push({ text: note, style: 'note' });
  const definition: TDocumentDefinitions = {
    ...a4Page(document.title, 'landscape', [36, 36, 36, 40], { fontSize: 9, lineHeight: 1.25 }),
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      subtitle: { fontSize: 10, margin: [0, 0, 0, 2] },
      heading: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      note: { fontSize: 8, margin: [0, 8, 0, 0] },
    },
    footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8 }),
    content,
  };
  return renderPdfDefinition(definition);
}

/** The content type of CSV in the encoding it was written in. */
export function csvContentType(encoding: 'utf-8' | 'shift_jis'): string {
  return `text/csv; charset=${encoding === 'shift_jis' ? 'Shift_JIS' : 'utf-8'}`;
}

/** Render the document in the requested format, with the file name a person would expect. */
export async function renderDocument(
  document: TableDocument,
  format: DocumentFormat,
  baseName: string,
  encoding: 'utf-8' | 'shift_jis' = 'utf-8',
): Promise<RenderedDocument> {
  switch (format) {
    case 'csv':
      return {
        body: renderCsv(document, encoding),
        contentType: csvContentType(encoding),
        fileName: `${baseName}.csv`,
      };
    case 'xlsx':
      return {
        body: await renderXlsx(document),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${baseName}.xlsx`,
      };
    case 'pdf':
      return { body: await renderPdf(document), contentType: 'application/pdf', fileName: `${baseName}.pdf` };
  }
}

/** Content-Disposition with the Japanese file name (RFC 6266 / 5987) and an ASCII fallback. */
export function attachment(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
