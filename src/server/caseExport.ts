import { participationBases } from '../contract/cases.ts';
import type { CaseListRow } from '../db/cases.ts';
import { caseStageLabels } from '../domain/caseStage.ts';
import { householdFlags, labelOf } from '../domain/codeLists.ts';
import { formatWareki } from '../domain/wareki.ts';
import { encodeCsv } from './csv.ts';
import { a4LandscapeSetup, xlsxHeaderRow } from './documents.ts';
import { loadExcel } from './officeLibraries.ts';

/** One case of the export: the list's row and the day of its latest contact (if any). */
export interface CaseExportRow {
  row: CaseListRow;
  latestContactOn: string | undefined;
}

/**
 * The columns of the 事例一覧 export, as a coordinator reports the caseload: Japanese headers, code
 * labels from the code lists of src/domain, each date in 和暦 and in 西暦 (a spreadsheet sorts the
 * 西暦 column; people read the 和暦 one).
 */
const columns: { header: string; width: number; value: (c: CaseExportRow) => string }[] = [
  { header: '事例番号', width: 12, value: ({ row }) => row.case_number },
  { header: '本人氏名', width: 16, value: ({ row }) => `${row.family_name} ${row.given_name}` },
  {
    header: 'フリガナ',
    width: 20,
    value: ({ row }) => `${row.family_name_kana} ${row.given_name_kana}`,
  },
  { header: '段階', width: 16, value: ({ row }) => caseStageLabels[row.stage] },
  {
    header: '世帯類型',
    width: 20,
    value: ({ row }) => (row.household_flags ?? []).map((flag) => labelOf(householdFlags, flag)).join('・'),
  },
  { header: '重層事業担当', width: 18, value: ({ row }) => row.coordinating_organization_name },
  { header: '主担当機関', width: 20, value: ({ row }) => row.lead_organization_name ?? '' },
  { header: '担当職員', width: 14, value: ({ row }) => row.assigned_user_name ?? '' },
  { header: '受理日（和暦）', width: 16, value: ({ row }) => wareki(row.accepted_on) },
  { header: '受理日（西暦）', width: 12, value: ({ row }) => row.accepted_on },
  { header: '次回モニタリング（和暦）', width: 16, value: ({ row }) => wareki(row.next_monitoring_on) },
  { header: '次回モニタリング（西暦）', width: 12, value: ({ row }) => row.next_monitoring_on ?? '' },
  { header: '最終接触日（和暦）', width: 16, value: ({ latestContactOn }) => wareki(latestContactOn) },
  { header: '最終接触日（西暦）', width: 12, value: ({ latestContactOn }) => latestContactOn ?? '' },
  {
    header: '自機関の参加',
    width: 20,
    value: ({ row }) => (row.my_bases ?? []).map((basis) => labelOf(participationBases, basis)).join('・'),
  },
];

function wareki(date: string | null | undefined): string {
  if (!date) return '';
  try {
    return formatWareki(date);
  } catch {
    return date;
  }
}

/** The header row and one row per case, as text. */
export function caseExportLines(cases: readonly CaseExportRow[]): string[][] {
  return [columns.map((c) => c.header), ...cases.map((c) => columns.map((column) => column.value(c)))];
}

/**
 * CSV for Excel: a header row then one case per row (no title block, so the sheet filters and sorts
 * at once), UTF-8 with a BOM, through the one CSV writer (formula-leading cells neutralised).
 */
export function caseExportCsv(cases: readonly CaseExportRow[]): Buffer {
  return encodeCsv(caseExportLines(cases), 'utf-8');
}

/**
 * xlsx: one sheet 事例一覧 with a bold, frozen header row and a filter on every column. Every cell is
 * a text cell (exceljs writes strings as strings, never as formulas).
 */
export async function caseExportXlsx(cases: readonly CaseExportRow[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Kasane';
  const sheet = workbook.addWorksheet('事例一覧', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: a4LandscapeSetup,
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  xlsxHeaderRow(
    sheet,
    columns.map((c) => c.header),
  );
  for (const c of cases) sheet.addRow(columns.map((column) => column.value(c)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
