import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/contract/problem.ts';
import { EXPORT_LIMIT } from '../../src/server/exportRateLimit.ts';
import { demoApi } from '../support/demoApi.ts';
import { excelLikeCells } from '../support/excelLike.ts';
import { addAssessment, createCase, createPerson } from '../support/factories.ts';
import { download } from '../support/pdfText.ts';
import { type ApiClient, auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('coordinator', 'houkatsu', 'hogokansatsu');
const { coordinator, houkatsu, hogokansatsu } = api;

/**
 * cases.export: 事例一覧 as CSV (UTF-8 with a BOM) or xlsx, with the list's filters, only the cases
 * the caller's organisation takes part in, audited as an export and rate-limited like the others.
 * Synthetic people only; one person's name starts like a formula, as a typed name could.
 */

/** Taken in by 包括, 支援中, 8050 household, a recorded contact; its person's name starts with '='. */
let supporting: { caseId: string; caseNumber: string };
/** Taken in by 障害者相談支援事業所, 課題整理中. */
let assessing: { caseId: string; caseNumber: string };

const formulaName = { familyName: '=HYPERLINK("http://attacker.invalid","開く")', givenName: '+1+cmd' };

const caseNumberOf = async (caseId: string) =>
  (
    await api.server.database.db
      .selectFrom('cases')
      .select('case_number')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
  ).case_number;

/** The CSV opened the way a spreadsheet opens it: the header and each row as shown text. */
async function csvRows(client: ApiClient, query: Record<string, string>) {
  const response = await download(
    client,
    `/api/cases/export?${new URLSearchParams({ format: 'csv', ...query })}`,
  );
  expect(response.status, response.body.toString('utf8')).toBe(200);
  const cells = await excelLikeCells(response.body);
  const [header = [], ...rows] = cells.map((row) => row.map((cell) => cell.shown));
  return { response, cells, header, rows };
}

beforeAll(async () => {
  const db = api.server.database.db;
  const personId = await createPerson(db, api.dir, {
    ...formulaName,
    familyNameKana: 'イコール',
    givenNameKana: 'プラス',
  });
  const first = await createCase(db, api.dir, { personId, stage: 'supporting' });
  await addAssessment(db, api.dir, first.caseId, { issues: ['withdrawal'], householdFlags: ['8050'] });
  await db
    .updateTable('cases')
    .set({
      next_monitoring_on: '2026-12-20',
      lead_organization_id: api.dir.organization('地域包括支援センター'),
    })
    .where('id', '=', first.caseId)
    .execute();
  await db
    .insertInto('case_events')
    .values({
      id: randomUUID(),
      tenant_id: api.dir.tenantId,
      case_id: first.caseId,
      occurred_at: new Date('2026-11-05T10:00:00+09:00'),
      kind: 'progressNoted',
      summary: '（試験）電話で様子を確認',
      details: JSON.stringify({}),
    })
    .execute();
  supporting = { caseId: first.caseId, caseNumber: await caseNumberOf(first.caseId) };
  const second = await createCase(db, api.dir, { organization: '障害者相談支援事業所', stage: 'assessing' });
  assessing = { caseId: second.caseId, caseNumber: await caseNumberOf(second.caseId) };
}, 60_000);

describe('cases.export', () => {
  it('writes CSV with a BOM, Japanese headers and labels, 和暦 and 西暦 dates, and no formula cell', async () => {
    const { response, cells, header, rows } = await csvRows(coordinator, {});
    expect([...response.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.type).toBe('text/csv; charset=utf-8');
    expect(response.disposition).toMatch(/filename\*=UTF-8''/);
    expect(decodeURIComponent(response.disposition)).toMatch(/事例一覧_\d{8}\.csv/);
    expect(header.slice(0, 4)).toEqual(['事例番号', '本人氏名', 'フリガナ', '段階']);
    expect(header).toContain('最終接触日（和暦）');
    // no cell of the file is a formula once opened; the typed name is shown as typed
    expect(cells.flat().filter((cell) => cell.type === 'formula')).toEqual([]);
    const byNumber = new Map(
      rows.map((row) => [row[0], Object.fromEntries(header.map((h, i) => [h, row[i]]))]),
    );
    expect([...byNumber.keys()].sort()).toEqual([supporting.caseNumber, assessing.caseNumber].sort());
    expect(byNumber.get(supporting.caseNumber)).toMatchObject({
      本人氏名: `${formulaName.familyName} ${formulaName.givenName}`,
      フリガナ: 'イコール プラス',
      段階: '支援中',
      世帯類型: '8050',
      重層事業担当: '重層事業担当',
      主担当機関: '地域包括支援センター',
      担当職員: '',
      '受理日（和暦）': '令和8年10月2日',
      '受理日（西暦）': '2026-10-02',
      '次回モニタリング（和暦）': '令和8年12月20日',
      '次回モニタリング（西暦）': '2026-12-20',
      '最終接触日（和暦）': '令和8年11月5日',
      '最終接触日（西暦）': '2026-11-05',
    });
    expect(byNumber.get(assessing.caseNumber)).toMatchObject({
      段階: '課題整理中',
      '最終接触日（西暦）': '',
    });
  });

  it('takes the case list filters and records the export with its count and filters', async () => {
    const { rows } = await csvRows(coordinator, { stage: 'supporting' });
    expect(rows.map((row) => row[0])).toEqual([supporting.caseNumber]);
    const audit = await api.server.latestAudit('export');
    expect(audit).toMatchObject({ resource_type: 'case' });
    expect(auditDetails(audit)).toEqual({
      format: 'csv',
      count: 1,
      filter: { stage: 'supporting' },
      caseIds: [supporting.caseId],
    });
    expect((await csvRows(coordinator, { householdFlag: '8050' })).rows.map((row) => row[0])).toEqual([
      supporting.caseNumber,
    ]);
    expect((await csvRows(coordinator, { q: 'イコール' })).rows.map((row) => row[0])).toEqual([
      supporting.caseNumber,
    ]);
  });

  it('holds only the cases the caller’s organisation takes part in', async () => {
    expect((await csvRows(houkatsu, {})).rows.map((row) => row[0])).toEqual([supporting.caseNumber]);
    // an organisation in neither case gets the header and nothing else, whatever the filter
    const outside = await csvRows(hogokansatsu, {});
    expect(outside.header[0]).toBe('事例番号');
    expect(outside.rows).toEqual([]);
    expect((await csvRows(hogokansatsu, { q: 'イコール' })).rows).toEqual([]);
    expect(auditDetails(await api.server.latestAudit('export'))).toMatchObject({ count: 0, caseIds: [] });
  });

  it('writes xlsx with the same columns, opened with exceljs', async () => {
    const response = await download(coordinator, '/api/cases/export?format=xlsx&stage=supporting');
    expect(response.status).toBe(200);
    expect(response.type).toContain('spreadsheetml');
    expect(decodeURIComponent(response.disposition)).toMatch(/事例一覧_\d{8}\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('事例一覧');
    const values = (row: number) => ((sheet?.getRow(row).values ?? []) as unknown[]).slice(1);
    expect(values(1).slice(0, 4)).toEqual(['事例番号', '本人氏名', 'フリガナ', '段階']);
    expect(values(2)).toContain(supporting.caseNumber);
    expect(values(2)).toContain('支援中');
    expect(values(2)).toContain('令和8年10月2日');
    expect(sheet?.rowCount).toBe(2);
    // the formula-like name is a text cell, not a formula
    expect(sheet?.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(auditDetails(await api.server.latestAudit('export'))).toMatchObject({ format: 'xlsx', count: 1 });
  });

  it('refuses bad filter values with 400 problem+json in Japanese, and no export is recorded', async () => {
    const before = await api.server.latestAudit('export');
    for (const [query, field, message] of [
      ['format=pdf', 'クエリ.format', /出力形式/],
      ['format=csv&stage=finished', 'クエリ.stage', /段階の指定/],
      ['format=csv&noContactDays=-3', 'クエリ.noContactDays', /日数/],
      ['format=csv&householdFlag=nope', 'クエリ.householdFlag', /世帯類型/],
    ] as const) {
      const response = await coordinator.get<Problem>(`/api/cases/export?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(problemFields(response.body), query).toEqual([field]);
      expect(response.body.errors?.[0]?.message).toMatch(message);
    }
    expect((await api.server.latestAudit('export'))?.seq).toBe(before?.seq);
    // not case data for the plan officer: told nothing exists
    expect((await (await api.server.as('plan')).get('/api/cases/export?format=csv')).status).toBe(404);
  });

  it(`allows ${EXPORT_LIMIT} exports per user in 10 minutes, then 429 with a Japanese message`, async () => {
    const shogai = await api.server.as('shogai');
    for (let i = 0; i < EXPORT_LIMIT; i++) {
      expect((await download(shogai, '/api/cases/export?format=csv')).status).toBe(200);
    }
    const refused = await shogai.get<Problem>('/api/cases/export?format=xlsx');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('export.rateLimited');
    expect(refused.body.detail).toContain('10分間に10回まで');
  });
});
