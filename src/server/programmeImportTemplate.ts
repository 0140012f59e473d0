import {
  IMPORT_NOTE_MARK,
  type ProgrammeImportColumnKey,
  programmeImportColumns,
} from '../domain/programmeImportColumns.ts';
import { encodeCsv } from './csv.ts';
import { xlsxHeaderRow } from './documents.ts';
import { loadExcel } from './officeLibraries.ts';

/**
 * The template the 取組の取込 screen offers: the columns of src/domain/programmeImportColumns.ts (the
 * same list the importer reads), how to fill each in, and one example row that the importer accepts
 * as it stands for the city it was made for (its first challenge, the caller's own section).
 * - CSV: UTF-8 with a BOM; notes on the columns, the plan's challenges and the section names in
 *   rows starting with 「#」 above the header (the importer skips them), then the header and the example.
 * - xlsx: sheet 「取組」 with the header (each header cell with a note saying how to fill it in) and
 *   the example; sheet 「記入方法」 with the column spec, the challenges and the section names. The
 *   importer reads the first sheet only.
 */
export interface TemplateContext {
  challenges: readonly { position: number; title: string }[];
  /** the names the 担当課 column accepts (the city's enabled organisations) */
  sections: readonly string[];
  /** the section the example row names (the caller's own) */
  exampleSection: string;
}

export const templateBaseName = '取組の取込テンプレート';

function exampleRow(context: TemplateContext): Record<ProgrammeImportColumnKey, string> {
  return {
    challenge: String(context.challenges[0]?.position ?? 1),
    name: '（記入例）就労に向けた相談会',
    summary: '（記入例）刑務所等を出た人と家族を対象に、月1回の相談会を開く。\n・就労の相談\n・住まいの相談',
    section: context.exampleSection,
    externalKey: '',
  };
}

const requirement = (required: boolean) => (required ? '必須' : '任意');

function noteLines(context: TemplateContext): string[] {
  return [
    `${IMPORT_NOTE_MARK} ${templateBaseName}：「${IMPORT_NOTE_MARK}」で始まる行は説明です（取り込むときは読み飛ばします）。見出しの行の下に1行に1つの取組を書きます。記入例の行は書き換えるか消してください。`,
    ...programmeImportColumns.map(
      (c) => `${IMPORT_NOTE_MARK} ${c.header}（${requirement(c.required)}）：${c.description}`,
    ),
    `${IMPORT_NOTE_MARK} 課題番号：${context.challenges.map((c) => `${c.position} ${c.title}`).join('／')}`,
    `${IMPORT_NOTE_MARK} 担当課：${context.sections.join('、')}`,
  ];
}

export function renderTemplateCsv(context: TemplateContext): Buffer {
  const example = exampleRow(context);
  return encodeCsv(
    [
      ...noteLines(context).map((line) => [line]),
      programmeImportColumns.map((c) => c.header),
      programmeImportColumns.map((c) => example[c.key]),
    ],
    'utf-8',
  );
}

export async function renderTemplateXlsx(context: TemplateContext): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Kasane';
  const example = exampleRow(context);

  const data = workbook.addWorksheet('取組', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = programmeImportColumns.map((c) => ({
    width: c.key === 'summary' ? 60 : c.key === 'name' ? 36 : c.key === 'section' ? 20 : 12,
  }));
  const header = xlsxHeaderRow(
    data,
    programmeImportColumns.map((c) => c.header),
  );
  programmeImportColumns.forEach((column, index) => {
    header.getCell(index + 1).note = `${requirement(column.required)}：${column.description}`;
  });
  const row = data.addRow(programmeImportColumns.map((c) => example[c.key]));
  row.alignment = { vertical: 'top', wrapText: true };

  const guide = workbook.addWorksheet('記入方法');
  guide.columns = [{ width: 16 }, { width: 8 }, { width: 80 }];
  guide.addRow([templateBaseName]).font = { bold: true, size: 14 };
  guide.addRow([
    '「取組」のシートの2行目から、1行に1つの取組を書きます。記入例の行は書き換えるか消してください。取り込むのは最初のシートだけです。',
  ]);
  guide.addRow([]);
  xlsxHeaderRow(guide, ['列', '必須', '記入方法']);
  for (const column of programmeImportColumns) {
    guide.addRow([column.header, requirement(column.required), column.description]).alignment = {
      vertical: 'top',
      wrapText: true,
    };
  }
  guide.addRow([]);
  xlsxHeaderRow(guide, ['課題番号', '', '課題']);
  for (const challenge of context.challenges) guide.addRow([challenge.position, '', challenge.title]);
  guide.addRow([]);
  xlsxHeaderRow(guide, ['担当課', '', '']);
  for (const section of context.sections) guide.addRow([section]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
