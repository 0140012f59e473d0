import { parse } from 'csv-parse/sync';
import Encoding from 'encoding-japanese';
import type * as ExcelJS from 'exceljs';
import {
  IMPORT_NOTE_MARK,
  normalizeImportHeader,
  type ProgrammeImportColumnKey,
  programmeImportColumn,
  programmeImportColumns,
} from '../domain/programmeImportColumns.ts';
import { loadExcel } from './officeLibraries.ts';

/**
 * Reading the 資料編 programme list as the city keeps it: CSV or TSV in UTF-8 or Shift_JIS
 * (detected), or an xlsx workbook (its first sheet); the columns are those of
 * src/domain/programmeImportColumns.ts (課題番号, 事業名(取組), 事業の概要, 担当課, optionally id), found
 * by header. Rows of a CSV or TSV before the header that start with 「#」 are notes (the template's
 * column spec) and skipped. Every problem is reported per row in Japanese; nothing is
 * decided about the database here except through the lookups passed in.
 */

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface ParsedFile {
  format: 'csv' | 'tsv' | 'xlsx';
  encoding: 'UTF-8' | 'Shift_JIS' | null;
  /** the header row and the data rows, each with its 1-based row number in the file */
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export class ImportFileError extends Error {}

function isZip(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** Decode the bytes into rows. Throws ImportFileError with a Japanese message for an unreadable file. */
export async function readImportFile(fileName: string, bytes: Buffer): Promise<ParsedFile> {
  if (isZip(bytes) || /\.xlsx$/i.test(fileName)) {
    const workbook = new (await loadExcel()).Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new ImportFileError('xlsx ファイルとして読み取れません。');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new ImportFileError('ワークシートがありません。');
    const all: { row: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column++)
        cells.push(cellText(row.getCell(column).value).trim());
      if (cells.some((c) => c !== '')) all.push({ row: rowNumber, cells });
    });
    const [header, ...rows] = all;
    if (!header) throw new ImportFileError('ファイルにデータがありません。');
    return { format: 'xlsx', encoding: null, header: header.cells, rows };
  }

  const detected = Encoding.detect(bytes);
  let encoding: 'UTF-8' | 'Shift_JIS';
  let text: string;
  if (detected === 'SJIS') {
    encoding = 'Shift_JIS';
    text = Encoding.codeToString(Encoding.convert(bytes, { to: 'UNICODE', from: 'SJIS' }));
  } else if (detected === 'UTF8' || detected === 'ASCII') {
    encoding = 'UTF-8';
    text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  } else {
    throw new ImportFileError('文字コードを判別できません。UTF-8 または Shift_JIS で保存してください。');
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const tsv = /\.tsv$/i.test(fileName) || (firstLine.includes('\t') && !firstLine.includes(','));
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: tsv ? '\t' : ',',
      relax_column_count: true,
      relax_quotes: tsv,
      quote: tsv ? false : '"',
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw new ImportFileError(
      `${tsv ? 'TSV' : 'CSV'} として読み取れません（${error instanceof Error ? error.message : String(error)}）。`,
    );
  }
  const numbered = records
    .map((cells, index) => ({ row: index + 1, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  // notes above the header (the template's column spec) are not data
  while (numbered[0]?.cells[0]?.startsWith(IMPORT_NOTE_MARK)) numbered.shift();
  const [header, ...rows] = numbered;
  if (!header) throw new ImportFileError('ファイルにデータがありません。');
  return { format: tsv ? 'tsv' : 'csv', encoding, header: header.cells, rows };
}

type Column = ProgrammeImportColumnKey;
const header = (column: Column) => programmeImportColumn(column).header;

export interface ImportLookups {
  /** challenge id by its number (position) in the plan */
  challengeByPosition: ReadonlyMap<number, string>;
  /** organisation id by its name (enabled organisations of the tenant) */
  sectionByName: ReadonlyMap<string, string>;
}

export interface ImportedProgramme {
  rows: number[];
  externalKey: string | null;
  name: string;
  summary: string;
  sectionId: string;
  sectionName: string;
  links: { challengeId: string; isRepeat: boolean }[];
}

/**
 * Turn the rows into programmes. A programme listed again under another challenge (same id, or
 * same name and section) is one programme with a 再掲 link; listed twice under the same challenge
 * it is a duplicate row and an error.
 */
export function planImport(
  file: ParsedFile,
  lookups: ImportLookups,
): { programmes: ImportedProgramme[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const index = {} as Record<Column, number>;
  const normalizedHeader = file.header.map(normalizeImportHeader);
  for (const column of programmeImportColumns) {
    const names = [column.header, ...column.aliases].map(normalizeImportHeader);
    index[column.key] = normalizedHeader.findIndex((h) => names.includes(h));
  }
  for (const column of programmeImportColumns) {
    if (column.required && index[column.key] < 0) {
      errors.push({
        row: 1,
        field: column.header,
        message: `1行目: 見出しに「${column.header}」の列がありません`,
      });
    }
  }
  if (errors.length) return { programmes: [], errors };
  if (file.rows.length === 0) {
    return { programmes: [], errors: [{ row: 1, field: '', message: '取り込む行がありません' }] };
  }

  const byKey = new Map<string, ImportedProgramme & { firstRowByChallenge: Map<string, number> }>();
  const cell = (cells: string[], column: Column) => (index[column] >= 0 ? (cells[index[column]] ?? '') : '');
  for (const { row, cells } of file.rows) {
    const rowErrors: ImportRowError[] = [];
    const fail = (field: string, message: string) =>
      rowErrors.push({ row, field, message: `${row}行目: ${message}` });

    const rawName = cell(cells, 'name');
    const repeatMark = /[【（(［[]再掲[】）)］\]]/;
    const markedRepeat = repeatMark.test(rawName);
    const name = rawName.replace(repeatMark, '').trim();
    const nameColumn = programmeImportColumn('name');
    if (!name) fail(nameColumn.header, `${nameColumn.header}を入力してください`);
    else if (name.length > (nameColumn.maxLength ?? Number.POSITIVE_INFINITY))
      fail(nameColumn.header, `${nameColumn.header}は${nameColumn.maxLength}文字以内にしてください`);

    const summary = cell(cells, 'summary');
    const summaryColumn = programmeImportColumn('summary');
    if (summary.length > (summaryColumn.maxLength ?? Number.POSITIVE_INFINITY))
      fail(summaryColumn.header, `${summaryColumn.header}は${summaryColumn.maxLength}文字以内にしてください`);

    const sectionName = cell(cells, 'section');
    const sectionId = sectionName ? lookups.sectionByName.get(sectionName.normalize('NFKC')) : undefined;
    if (!sectionName) fail(header('section'), `${header('section')}を入力してください`);
    else if (!sectionId) fail(header('section'), `${header('section')}「${sectionName}」が見つかりません`);

    const rawChallenge = cell(cells, 'challenge').normalize('NFKC');
    const numbers = rawChallenge
      .split(/[,、・\s/]+/)
      .map((part) => part.replace(/^\(|\)$/g, '').trim())
      .filter(Boolean);
    const challengeIds: string[] = [];
    if (numbers.length === 0) fail(header('challenge'), `${header('challenge')}を入力してください`);
    for (const number of numbers) {
      const id = /^\d+$/.test(number) ? lookups.challengeByPosition.get(Number(number)) : undefined;
      if (!id)
        fail(
          header('challenge'),
          `${header('challenge')}「${number}」の課題がありません（1〜${lookups.challengeByPosition.size}）`,
        );
      else challengeIds.push(id);
    }

    const externalKey = cell(cells, 'externalKey') || null;
    const keyColumn = programmeImportColumn('externalKey');
    if (externalKey && externalKey.length > (keyColumn.maxLength ?? Number.POSITIVE_INFINITY))
      fail(keyColumn.header, `${keyColumn.header} は${keyColumn.maxLength}文字以内にしてください`);

    if (rowErrors.length || !sectionId) {
      errors.push(...rowErrors);
      continue;
    }
    const key = externalKey ? `id:${externalKey}` : `name:${name}\u0000${sectionId}`;
    let programme = byKey.get(key);
    if (!programme) {
      programme = {
        rows: [],
        externalKey,
        name,
        summary,
        sectionId,
        sectionName,
        links: [],
        firstRowByChallenge: new Map(),
      };
      byKey.set(key, programme);
    } else if (programme.name !== name || programme.sectionId !== sectionId) {
      errors.push({
        row,
        field: header('externalKey'),
        message: `${row}行目: id「${externalKey}」は${programme.rows[0]}行目の「${programme.name}」と同じですが、事業名または担当課が異なります`,
      });
      continue;
    }
    let duplicate = false;
    for (const challengeId of challengeIds) {
      const earlier = programme.firstRowByChallenge.get(challengeId);
      if (earlier !== undefined) {
        errors.push({
          row,
          field: header('name'),
          message: `${row}行目: ${earlier}行目と同じ事業「${name}」が同じ課題に重複しています`,
        });
        duplicate = true;
      }
    }
    if (duplicate) continue;
    programme.rows.push(row);
    if (!programme.summary && summary) programme.summary = summary;
    for (const challengeId of challengeIds) {
      programme.firstRowByChallenge.set(challengeId, row);
      // the first listing is the programme's home; later ones, or rows marked 再掲, are 再掲
      programme.links.push({ challengeId, isRepeat: programme.links.length > 0 || markedRepeat });
    }
  }
  if (errors.length) return { programmes: [], errors };
  const programmes = [...byKey.values()].map(({ firstRowByChallenge: _, ...p }) => {
    // a programme only ever marked 再掲 still needs a home listing
    if (p.links.length && p.links.every((l) => l.isRepeat))
      (p.links[0] as { isRepeat: boolean }).isRepeat = false;
    return p;
  });
  return { programmes, errors };
}
