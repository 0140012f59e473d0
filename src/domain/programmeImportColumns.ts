/**
 * The columns of the 取組の取込 file (the 資料編 programme list), defined once: the importer
 * (src/server/programmeImport.ts) finds its columns by these headers and aliases, and the template
 * the import screen offers (programmes.importTemplate) is written from the same list, in this order,
 * so a template filled in is always a file the importer reads.
 */
export type ProgrammeImportColumnKey = 'challenge' | 'name' | 'summary' | 'section' | 'externalKey';

export interface ProgrammeImportColumn {
  key: ProgrammeImportColumnKey;
  /** the header the template writes (and the name errors use) */
  header: string;
  /** other headers the importer accepts for the column (compared after NFKC, without spaces, case-insensitive) */
  aliases: readonly string[];
  required: boolean;
  /** how to fill it in, for the template's notes and 記入方法 sheet */
  description: string;
  maxLength?: number;
}

export const programmeImportColumns: readonly ProgrammeImportColumn[] = [
  {
    key: 'challenge',
    header: '課題番号',
    aliases: ['課題no', '課題'],
    required: true,
    description:
      '取組を載せる計画の課題の番号（1から）。複数の課題に載せるときは「1、3」のように区切ります。2つ目からは再掲になります。',
  },
  {
    key: 'name',
    header: '事業名(取組)',
    aliases: ['事業名', '取組', '事業名・取組'],
    required: true,
    maxLength: 200,
    description:
      '取組（事業）の名称。200文字まで。「【再掲】」を付けた行は再掲として扱います。同じ担当課の同じ名称の取組は更新され、二重には登録されません。',
  },
  {
    key: 'summary',
    header: '事業の概要',
    aliases: ['概要', '事業概要'],
    required: true,
    maxLength: 2000,
    description:
      '取組の内容。2000文字まで。空欄でもかまいません（列は必要です）。セル内の改行はそのまま残ります。',
  },
  {
    key: 'section',
    header: '担当課',
    aliases: ['課', '所管課', '担当'],
    required: true,
    description: 'Kasane に登録された組織の名称と同じ表記で入力します（記入方法のシートに一覧があります）。',
  },
  {
    key: 'externalKey',
    header: 'id',
    aliases: ['番号', '事業番号', 'no'],
    required: false,
    maxLength: 50,
    description:
      '市の事業番号（任意、50文字まで）。入力すると、名称や担当課を変えても同じ番号の取組を更新します。',
  },
];

export function programmeImportColumn(key: ProgrammeImportColumnKey): ProgrammeImportColumn {
  return programmeImportColumns.find((c) => c.key === key) as ProgrammeImportColumn;
}

/** Header text as the importer compares it: NFKC, no white space, lower case. */
export function normalizeImportHeader(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Rows of a CSV or TSV file before its header that start with this mark are notes, not data. */
export const IMPORT_NOTE_MARK = '#';
