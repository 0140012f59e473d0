import Encoding from 'encoding-japanese';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Programme, ProgrammeImportResult } from '../../src/contract/recidivismPlan.ts';
import { programmeImportColumns } from '../../src/domain/programmeImportColumns.ts';
import { demoApi } from '../support/demoApi.ts';
import { challengeIds, latestAudit } from '../support/recidivism.ts';
import type { ApiClient } from '../support/testServer.ts';

const api = demoApi('plan', 'council', 'hogo');
const { plan, council, hogo } = api;

let challenges: Map<number, string>;

beforeAll(async () => {
  challenges = await challengeIds(api.server.database.db, api.dir.tenantId);
});

const sections = ['契約課', '保護第一課', '地域福祉課', '重層事業担当', '地域包括支援センター'];

/** 47 synthetic programmes, as the 資料編 lists them. */
function syntheticRows(): string[][] {
  return Array.from({ length: 47 }, (_, i) => [
    String(100 + i),
    String((i % 5) + 1),
    `（試験）再犯防止関係事業その${i + 1}`,
    `（試験）事業の概要その${i + 1}。就労・住居・福祉の支援を行う、「引用符」を含む`,
    sections[i % sections.length] as string,
  ]);
}

function csv(rows: string[][], header = ['id', '課題番号', '事業名(取組)', '事業の概要', '担当課']): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${[header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

function shiftJis(text: string): string {
  return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' })).toString(
    'base64',
  );
}

async function programmeCount(): Promise<number> {
  const row = await api.server.database.db
    .selectFrom('programmes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', api.dir.tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function importFile(fileName: string, contentBase64: string, dryRun: boolean) {
  return plan.post<ProgrammeImportResult>(`/api/programmes/import${dryRun ? '?dryRun=true' : ''}`, {
    fileName,
    contentBase64,
  });
}

describe('GET /api/programmes (programmes.list)', () => {
  it('lists the seed’s 3 programmes with their sections and challenges', async () => {
    const response = await hogo.get<{ items: Programme[] }>('/api/programmes');
    expect(response.status).toBe(200);
    expect(
      response.body.items.map((p) => [p.name, p.responsibleSection.name, p.challenges[0]?.position]),
    ).toEqual([
      ['協力雇用主等に対する優遇措置', '契約課', 2],
      ['生活困窮者自立支援事業', '保護第一課', 2],
      ['社会を明るくする運動への参加', '地域福祉課', 5],
    ]);
    // hogo (保護第一課) may record progress only for its own programme, and edit none
    expect(response.body.items.map((p) => p.abilities)).toEqual([
      { update: false, editProgress: false },
      { update: false, editProgress: true },
      { update: false, editProgress: false },
    ]);
  });
  it('is 401 unauthenticated, 403 for an auditor, 400 for a bad challenge id', async () => {
    expect((await api.server.anonymous().get('/api/programmes')).status).toBe(401);
    expect((await (await api.server.as('auditor')).get('/api/programmes')).status).toBe(403);
    expect((await plan.get('/api/programmes?challengeId=nope')).status).toBe(400);
  });
});

describe('POST /api/programmes, PATCH /api/programmes/:id (programmes.create, programmes.update)', () => {
  it('creates a programme under two challenges (再掲 marked when listed by challenge), then edits it', async () => {
    const input = {
      name: '（試験）更生保護サポートセンターとの連携',
      summary: '（試験）保護司会の活動拠点と連携する。',
      responsibleSectionId: api.dir.organization('地域福祉課'),
      challenges: [
        { challengeId: challenges.get(1), isRepeat: false },
        { challengeId: challenges.get(5), isRepeat: true },
      ],
      relatedOrganizationIds: [api.dir.organization('鹿児島保護区保護司会')],
      indicators: [{ name: '連携会議の開催回数', unit: '回' }],
    };
    const created = await plan.post<Programme>('/api/programmes', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: input.name,
      responsibleSection: { name: '地域福祉課' },
      relatedOrganizations: [{ name: '鹿児島保護区保護司会' }],
      indicators: [{ name: '連携会議の開催回数', unit: '回' }],
      abilities: { update: true, editProgress: true },
    });
    expect((await latestAudit(api.server.database.db, 'programme.create'))?.resource_id).toBe(
      created.body.id,
    );

    const underFive = await plan.get<{ items: Programme[] }>(
      `/api/programmes?challengeId=${challenges.get(5)}`,
    );
    expect(underFive.body.items.map((p) => [p.name, p.isRepeat])).toEqual([
      ['社会を明るくする運動への参加', false],
      [input.name, true],
    ]);

    const updated = await plan.patch<Programme>(`/api/programmes/${created.body.id}`, {
      summary: '（試験）概要を改めた。',
      challenges: [{ challengeId: challenges.get(1) }],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.summary).toBe('（試験）概要を改めた。');
    expect(updated.body.challenges.map((c) => c.position)).toEqual([1]);
    expect((await latestAudit(api.server.database.db, 'programme.update'))?.resource_id).toBe(
      created.body.id,
    );

    expect((await plan.post('/api/programmes', input)).status).toBe(409);
    expect(
      (await plan.patch('/api/programmes/00000000-0000-4000-8000-000000000000', { summary: 'x' })).status,
    ).toBe(404);
  });

  it('refuses bad input naming the field, unknown ids with 400, and non-officers', async () => {
    const bad = await plan.post('/api/programmes', { name: '', responsibleSectionId: 'x', challenges: [] });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'challenges',
      'name',
      'responsibleSectionId',
    ]);
    const unknown = await plan.post('/api/programmes', {
      name: '（試験）所属不明',
      responsibleSectionId: '00000000-0000-4000-8000-000000000000',
      challenges: [{ challengeId: challenges.get(1) }],
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { errors: { field: string }[] }).errors[0]?.field).toBe('responsibleSectionId');
    const body = {
      name: 'x',
      responsibleSectionId: api.dir.organization('契約課'),
      challenges: [{ challengeId: challenges.get(1) }],
    };
    expect((await hogo.post('/api/programmes', body)).status).toBe(403);
    expect((await council.post('/api/programmes', body)).status).toBe(403);
    expect((await api.server.anonymous().post('/api/programmes', body)).status).toBe(401);
  });
});

describe('POST /api/programmes/import (programmes.import)', () => {
  it('dry-runs a file with bad rows: row-level errors in Japanese, nothing written', async () => {
    const before = await programmeCount();
    const rows = [
      ['', '2', '（試験）正しい事業', '概要', '契約課'],
      ['', '9', '（試験）課題番号違い', '概要', '契約課'],
      ['', '1', '（試験）担当課違い', '概要', '○○課'],
      ['', '3', '', '名前なし', '地域福祉課'],
      ['', '2', '（試験）正しい事業', '重複', '契約課'],
    ];
    const response = await importFile('programmes.csv', Buffer.from(csv(rows)).toString('base64'), true);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dryRun: true, format: 'csv', encoding: 'UTF-8', rows: 5 });
    expect(response.body.errors.map((e) => e.message)).toEqual([
      '3行目: 課題番号「9」の課題がありません（1〜5）',
      '4行目: 担当課「○○課」が見つかりません',
      '5行目: 事業名(取組)を入力してください',
      '6行目: 2行目と同じ事業「（試験）正しい事業」が同じ課題に重複しています',
    ]);
    expect(await programmeCount()).toBe(before);

    const real = await importFile('programmes.csv', Buffer.from(csv(rows)).toString('base64'), false);
    expect(real.status).toBe(400);
    expect(real.body).toMatchObject({ code: 'import.invalid' });
    expect(await programmeCount()).toBe(before);
  });

  it('reports a missing column and an unreadable file', async () => {
    const noSection = await importFile(
      'x.csv',
      Buffer.from('課題番号,事業名(取組),事業の概要\n1,a,b\n').toString('base64'),
      true,
    );
    expect(noSection.body.errors[0]?.message).toBe('1行目: 見出しに「担当課」の列がありません');
    const broken = await importFile('x.xlsx', Buffer.from('not a workbook').toString('base64'), true);
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'import.invalid' });
    expect(
      (await hogo.post('/api/programmes/import', { fileName: 'x.csv', contentBase64: 'eA==' })).status,
    ).toBe(403);
    expect((await plan.post('/api/programmes/import', { fileName: '' })).status).toBe(400);
  });

  it('imports 47 rows of Shift_JIS CSV once, and a re-import updates instead of doubling', async () => {
    const before = await programmeCount();
    const content = shiftJis(csv(syntheticRows()));
    const dry = await importFile('資料編.csv', content, true);
    expect(dry.body).toMatchObject({ dryRun: true, encoding: 'Shift_JIS', rows: 47, errors: [] });
    expect(dry.body.created).toHaveLength(47);
    expect(await programmeCount()).toBe(before);

    const first = await importFile('資料編.csv', content, false);
    expect(first.status).toBe(200);
    expect(first.body.created).toHaveLength(47);
    expect(await programmeCount()).toBe(before + 47);
    const audit = await latestAudit(api.server.database.db, 'programme.import');
    expect(audit?.details).toMatchObject({ created: 47, updated: 0, encoding: 'Shift_JIS' });

    const changed = syntheticRows().map((r, i) =>
      i === 0 ? [r[0], r[1], r[2], '（試験）改訂した概要', r[4]] : r,
    ) as string[][];
    const second = await importFile('資料編.csv', shiftJis(csv(changed)), false);
    expect(second.body.created).toHaveLength(0);
    expect(second.body.updated).toHaveLength(47);
    expect(await programmeCount()).toBe(before + 47);
    const first1 = await api.server.database.db
      .selectFrom('programmes')
      .select('summary')
      .where('external_key', '=', '100')
      .executeTakeFirstOrThrow();
    expect(first1.summary).toBe('（試験）改訂した概要');
  });

  it('reads the seed TSV (UTF-8, with a 課題名 column): the 3 seeded programmes are updated, not doubled', async () => {
    const before = await programmeCount();
    const tsv = [
      'id\t課題番号\t課題名\t事業名(取組)\t事業の概要\t担当課',
      '1\t2\t就労・住居の確保\t協力雇用主等に対する優遇措置\t建設工事等競争入札参加者の格付において優遇措置を行う。\t契約課',
      '2\t2、3\t就労・住居の確保\t生活困窮者自立支援事業\t相談支援、就労支援等の必要な支援を行う。\t保護第一課',
      '3\t5\t民間協力者の活動の促進、広報・啓発活動の推進\t社会を明るくする運動への参加\t「社会を明るくする運動」に参加する。\t地域福祉課',
    ].join('\n');
    const response = await importFile('programs-seed.tsv', Buffer.from(tsv).toString('base64'), false);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ format: 'tsv', encoding: 'UTF-8', errors: [] });
    expect(response.body.updated.map((u) => u.name)).toEqual([
      '協力雇用主等に対する優遇措置',
      '生活困窮者自立支援事業',
      '社会を明るくする運動への参加',
    ]);
    expect(await programmeCount()).toBe(before);
    const underThree = await plan.get<{ items: Programme[] }>(
      `/api/programmes?challengeId=${challenges.get(3)}`,
    );
    expect(underThree.body.items.find((p) => p.name === '生活困窮者自立支援事業')?.isRepeat).toBe(true);
  });

  it('reads an xlsx workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('資料編');
    sheet.addRow(['課題番号', '事業名(取組)', '事業の概要', '担当課']);
    sheet.addRow([4, '（試験）学習支援事業', '（試験）子どもの学習を支援する。', 'こども家庭センター']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await importFile('資料編.xlsx', bytes.toString('base64'), false);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ format: 'xlsx', encoding: null, errors: [] });
    expect(response.body.created.map((c) => [c.row, c.name, c.section])).toEqual([
      [2, '（試験）学習支援事業', 'こども家庭センター'],
    ]);
  });
});

describe('GET /api/programmes/import-template (programmes.importTemplate)', () => {
  async function template(client: ApiClient, format: string) {
    const response = await fetch(
      new URL(`/api/programmes/import-template?format=${format}`, api.server.url),
      {
        headers: { cookie: client.cookie ?? '' },
      },
    );
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      disposition: response.headers.get('content-disposition') ?? '',
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }
  const headers = programmeImportColumns.map((c) => c.header);

  it('serves a CSV (UTF-8 with a BOM) whose header is the importer’s columns and whose example row imports cleanly', async () => {
    const file = await template(plan, 'csv');
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/csv; charset=utf-8');
    expect(decodeURIComponent(file.disposition)).toContain('取組の取込テンプレート.csv');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.bytes.toString('utf8').slice(1).split('\r\n');
    const notes = lines.filter((l) => l.startsWith('#') || l.startsWith('"#'));
    // one note per column, naming it and whether it is required
    for (const column of programmeImportColumns)
      expect(notes.some((n) => n.includes(`${column.header}（${column.required ? '必須' : '任意'}）`))).toBe(
        true,
      );
    expect(lines[notes.length]).toBe(headers.join(','));

    const checked = await importFile('取組の取込テンプレート.csv', file.bytes.toString('base64'), true);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      format: 'csv',
      encoding: 'UTF-8',
      rows: 1,
      errors: [],
      updated: [],
    });
    // the example names the plan officer's own section (地域福祉課) and the first challenge
    expect(checked.body.created).toEqual([
      { row: notes.length + 2, name: '（記入例）就労に向けた相談会', section: '地域福祉課' },
    ]);
  });

  it('serves an xlsx: the same columns with notes, a 記入方法 sheet, and an example the importer accepts', async () => {
    const file = await template(plan, 'xlsx');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['取組', '記入方法']);
    const data = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = data.getRow(1);
    expect(headers.map((_, i) => header.getCell(i + 1).value)).toEqual(headers);
    expect(String(header.getCell(1).note)).toContain('必須');
    const guide = workbook.worksheets[1] as ExcelJS.Worksheet;
    const guideText: string[] = [];
    guide.eachRow((row) => {
      guideText.push(String(row.getCell(1).value ?? ''));
    });
    expect(guideText).toEqual(expect.arrayContaining([...headers, '地域福祉課']));

    const checked = await importFile('取組の取込テンプレート.xlsx', file.bytes.toString('base64'), true);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ format: 'xlsx', rows: 1, errors: [] });
    expect(checked.body.created.map((c) => [c.row, c.name])).toEqual([[2, '（記入例）就労に向けた相談会']]);
  });

  it('is 400 for an unknown format and 403 for anyone but the plan officer', async () => {
    const bad = await plan.get<{ errors: { field: string }[] }>('/api/programmes/import-template?format=pdf');
    expect(bad.status).toBe(400);
    expect((await template(council, 'csv')).status).toBe(403);
    expect((await template(hogo, 'xlsx')).status).toBe(403);
  });
});
