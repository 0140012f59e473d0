import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatWareki } from '../../domain/wareki.ts';
import { a4Page, renderPdfDefinition } from '../documents.ts';

/**
 * The frame every 帳票 shares, as officials expect the paper: A4 portrait, the 様式 name and the
 * city on every page, the case number, 和暦 dates, page x / y, and the signature and approval
 * boxes of the paper version. Forms are built from these small pieces so that they look alike.
 */
export interface FormFrame {
  /** 様式 name, e.g. 「様式3 プランシート（プラン兼利用申込書）」. */
  formName: string;
  /** The big title on page 1 (often the form name without its number). */
  title: string;
  cityName: string;
  caseNumber: string | null;
  /** Printed when and by whom (footer). */
  printedAt: Date;
  printedBy: string;
}

const LABEL_FILL = '#eef1f5';
const LINE = '#555555';

export const tableLayout = {
  hLineColor: () => LINE,
  vLineColor: () => LINE,
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** 和暦 of a date ('YYYY-MM-DD' or an instant), or a blank to fill in by hand. */
export function wareki(date: string | Date | null | undefined, blank = '令和　　年　　月　　日'): string {
  return date ? formatWareki(date) : blank;
}

/** 和暦 with the time in Asia/Tokyo: 令和8年12月1日 14:30. */
export function warekiDateTime(instant: Date | string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const time = new Intl.DateTimeFormat('ja-JP', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Tokyo',
  }).format(at);
  return `${formatWareki(at)} ${time}`;
}

/** ■ checked, □ not: the box glyphs of the paper forms (both in Noto Sans JP). */
export function box(checked: boolean, label: string): string {
  return `${checked ? '■' : '□'}${label}`;
}

export function heading(text: string): Content {
  return { text, style: 'formHeading' };
}

function label(text: string): TableCell {
  return { text, bold: true, fillColor: LABEL_FILL };
}

/**
 * A grid of labelled fields, `perRow` pairs to a row: 【label | value | label | value】. A value
 * may be any content (a stack, a list of boxes).
 */
export function fields(pairs: [string, string | Content][], perRow: 1 | 2 = 2): Content {
  const rows: TableCell[][] = [];
  for (let i = 0; i < pairs.length; i += perRow) {
    const row: TableCell[] = [];
    for (let j = 0; j < perRow; j++) {
      const pair = pairs[i + j];
      if (pair)
        row.push(
          label(pair[0]),
          (typeof pair[1] === 'string' ? { text: pair[1] || '　' } : pair[1]) as TableCell,
        );
      else row.push({ text: '', fillColor: LABEL_FILL }, { text: '' });
    }
    rows.push(row);
  }
  return {
    table: { widths: perRow === 2 ? [78, '*', 78, '*'] : [96, '*'], body: rows, dontBreakRows: true },
    layout: tableLayout,
    margin: [0, 0, 0, 6],
  };
}

/** A block of free text under a label (意向, 目標, 議事録 …), kept as typed. */
export function textBlock(title: string, body: string | null | undefined, minHeight = 36): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [label(title)],
        [{ text: body?.trim() ? body : '　', margin: [2, 2, 2, Math.max(0, minHeight - 14)] }],
      ],
    },
    layout: tableLayout,
    margin: [0, 0, 0, 6],
  };
}

/** A table with a shaded header row. */
export function grid(
  headers: string[],
  widths: (number | string)[],
  rows: TableCell[][],
  empty = '（記録なし）',
): Content {
  const body: TableCell[][] = [
    headers.map((h) => label(h)),
    ...(rows.length
      ? rows
      : [[{ text: empty, colSpan: headers.length }, ...headers.slice(1).map(() => ({ text: '' }))]]),
  ];
  return {
    table: { headerRows: 1, widths, body, dontBreakRows: true },
    layout: tableLayout,
    margin: [0, 0, 0, 6],
  };
}

/**
 * The approval boxes (決裁欄) at the top right of the paper forms: a title cell per role with a
 * tall empty cell under it for a seal or signature, the name printed small when known.
 */
export function approvalBoxes(roles: { role: string; name?: string | null }[]): Content {
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: {
          widths: roles.map(() => 58),
          body: [
            roles.map((r) => ({ text: r.role, alignment: 'center', fontSize: 8, fillColor: LABEL_FILL })),
            roles.map((r) => ({
              text: r.name ?? '',
              alignment: 'center',
              fontSize: 7,
              margin: [0, 24, 0, 2],
            })),
          ],
        },
        layout: tableLayout,
      },
    ],
    margin: [0, 0, 0, 8],
  };
}

/** A signature line: the statement, then 日付 and 署名 lines to fill in by hand. */
export function signatureBlock(statement: string, signers: string[]): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: statement, margin: [0, 0, 0, 8] },
              { text: `${wareki(null)}`, margin: [0, 0, 0, 10] },
              ...signers.map(
                (s): Content => ({
                  columns: [
                    { width: 110, text: s },
                    {
                      width: '*',
                      canvas: [{ type: 'line' as const, x1: 0, y1: 11, x2: 300, y2: 11, lineWidth: 0.6 }],
                    },
                  ],
                  margin: [0, 0, 0, 12],
                }),
              ),
            ],
          },
        ],
      ],
    },
    layout: {
      ...tableLayout,
      hLineWidth: () => 1,
      vLineWidth: () => 1,
    },
    margin: [0, 6, 0, 6],
  };
}

/** An SVG diagram scaled to the page width (pdfmake draws it as vectors, in the embedded font). */
export function diagram(title: string, svg: string, width = 515): Content {
  return {
    stack: [heading(title), { svg, width, font: 'NotoSansJP' } as Content],
    unbreakable: true,
    margin: [0, 0, 0, 8],
  };
}

/** The whole document: the shared header, footer and styles around the form's content. */
export function formDocument(frame: FormFrame, content: Content[]): TDocumentDefinitions {
  const printed = `出力日時 ${warekiDateTime(frame.printedAt)}　出力者 ${frame.printedBy}`;
  return {
    ...a4Page(frame.formName, 'portrait', [40, 54, 40, 44], { fontSize: 9, lineHeight: 1.25 }),
    styles: {
      formTitle: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
      formHeading: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 3] },
      small: { fontSize: 7.5, color: '#444444' },
    },
    header: () => ({
      margin: [40, 22, 40, 0],
      columns: [
        { text: frame.formName, fontSize: 8.5, bold: true },
        {
          text: `${frame.cityName}${frame.caseNumber ? `　事例番号 ${frame.caseNumber}` : ''}`,
          alignment: 'right',
          fontSize: 8.5,
        },
      ],
    }),
    footer: (page: number, pages: number) => ({
      margin: [40, 10, 40, 0],
      columns: [
        { text: printed, fontSize: 7, color: '#444444' },
        { text: `${page} / ${pages}`, alignment: 'right', fontSize: 8 },
      ],
    }),
    content: [{ text: frame.title, style: 'formTitle' }, ...content],
  };
}

export async function renderForm(frame: FormFrame, content: Content[]): Promise<Buffer> {
  return renderPdfDefinition(formDocument(frame, content));
}
