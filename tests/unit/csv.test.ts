import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText, encodeCsv, neutraliseCell } from '../../src/server/csv.ts';
import { excelLikeCells } from '../support/excelLike.ts';

describe('the CSV writer (src/server/csv.ts)', () => {
  it('neutralises every formula-leading cell with an apostrophe (OWASP CSV injection)', () => {
    expect(neutraliseCell('=1+2')).toBe("'=1+2");
    expect(neutraliseCell('+81-90')).toBe("'+81-90");
    expect(neutraliseCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(neutraliseCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(neutraliseCell('\t=1+2')).toBe("'\t=1+2");
    expect(neutraliseCell('\r=1+2')).toBe("'\r=1+2");
  });

  it('leaves plain numbers, ordinary text and formula characters inside a cell alone', () => {
    for (const value of ['-3', '+81', '-0.5', '12', '.5', '山田 太郎', 'a=b', '', '1-2', '相談 @窓口'])
      expect(neutraliseCell(value)).toBe(value);
  });

  it('quotes cells with commas, quotes, line breaks and every neutralised cell, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://example.invalid","x")')).toBe(
      '"\'=HYPERLINK(""http://example.invalid"",""x"")"',
    );
    expect(csvCell('\r\n=1')).toBe('"\'\r\n=1"');
    expect(csvText([['a', 'b'], ['=c']])).toBe('a,b\r\n"\'=c"\r\n');
  });

  it('writes UTF-8 with a BOM or Shift_JIS', () => {
    const utf8 = encodeCsv([['鹿児島市']], 'utf-8');
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sjis = encodeCsv([['鹿児島市']], 'shift_jis');
    expect(sjis.length).toBe(8 + 2);
  });

  it('opened the way a spreadsheet opens it, no cell is a formula and every value comes back as typed', async () => {
    const dangerous = ['=1+2', '+1+2', '-1+2', '@SUM(A1)', '\t=1+2', '\r=1+2', '=HYPERLINK("x","y")', '-3'];
    const bytes = encodeCsv([dangerous], 'utf-8');
    const cells = await excelLikeCells(bytes);
    expect(cells).toHaveLength(1);
    const [row] = cells;
    expect(row?.map((c) => c.type)).toEqual([...dangerous.slice(0, -1).map(() => 'text'), 'number']);
    // the apostrophe is the spreadsheet's "as text" mark: what is shown is what was typed
    expect(row?.map((c) => c.shown)).toEqual(dangerous);
    // the same check fails for a writer that does not neutralise: the harness does see formulas
    const naive = `${dangerous.map((v) => `"${v.replaceAll('"', '""')}"`).join(',')}\r\n`;
    const naiveCells = await excelLikeCells(Buffer.from(naive, 'utf8'));
    expect(naiveCells[0]?.filter((c) => c.type === 'formula')).toHaveLength(7);
    // and exceljs itself reads the neutralised file without a formula
    const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([bytes.subarray(3).toString('utf8')]));
    sheet.eachRow((r) =>
      r.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
  });
});
