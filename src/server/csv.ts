import Encoding from 'encoding-japanese';

/**
 * The one CSV writer: every CSV Kasane produces (the audit trail, the council paper, the plan
 * appendix, and any export added later) goes through {@link encodeCsv}, so none can forget the
 * rules below.
 *
 * CSV injection (OWASP "CSV Injection"): a spreadsheet treats a cell starting with `=`, `+`, `-` or
 * `@` as a formula — `=HYPERLINK(…)` in a reason typed by a user would become a live link, `=cmd|…`
 * worse — and a leading tab or carriage return can hide such a start. Such a cell is written with
 * a leading apostrophe, which makes the spreadsheet show it as text; a cell that is only a number
 * (`-3`, `+81`, `-0.5`) cannot be a formula and is left alone. Cells holding a comma, a double
 * quote, a line break or a leading apostrophe are quoted, with quotes doubled (RFC 4180).
 */

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A cell's text made safe to open in a spreadsheet (before quoting). */
export function neutraliseCell(value: string): string {
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}

/** One cell as written in the file: neutralised, then quoted when it must be. */
export function csvCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) || safe.startsWith("'") ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The CSV text of these lines, each ended with CRLF. */
export function csvText(lines: readonly (readonly string[])[]): string {
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** CSV bytes: UTF-8 with a BOM (Excel opens it correctly), or Shift_JIS for older office software. */
export function encodeCsv(lines: readonly (readonly string[])[], encoding: 'utf-8' | 'shift_jis'): Buffer {
  const text = csvText(lines);
  if (encoding === 'shift_jis') {
    return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
