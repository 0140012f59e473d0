import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Encoding from 'encoding-japanese';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilMeeting } from '../../src/contract/council.ts';
import { demoApi } from '../support/demoApi.ts';
import { latestAudit } from '../support/recidivism.ts';
import type { ApiClient } from '../support/testServer.ts';

const api = demoApi('plan', 'council');
const { plan, council } = api;

let workDir: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-appendix-'));
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** Fetch a file download as bytes (the test client decodes text). */
async function download(client: ApiClient, url: string) {
  const response = await fetch(new URL(url, api.server.url), { headers: { cookie: client.cookie ?? '' } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** The text of a PDF (poppler's pdftotext) and the size of page 1 rendered to PNG at 60 dpi. */
function inspectPdf(name: string, bytes: Buffer): { text: string; pngBytes: number } {
  const file = path.join(workDir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    path.join(workDir, name),
  ]);
  const png = fs.readFileSync(path.join(workDir, `${name}.png`));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { text, pngBytes: png.length };
}

const programmeNames = [
  '協力雇用主等に対する優遇措置',
  '生活困窮者自立支援事業',
  '社会を明るくする運動への参加',
];

describe('GET /api/recidivism-plan/appendix (appendix.export)', () => {
  it('exports CSV in UTF-8 with a BOM, audited as an export', async () => {
    const file = await download(plan, '/api/recidivism-plan/appendix?format=csv');
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/text\/csv; charset=utf-8/);
    expect(file.disposition).toContain("filename*=UTF-8''");
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.bytes.toString('utf8');
    expect(text).toContain('課題(2) 就労・住居の確保');
    expect(text).toContain(
      '1,協力雇用主等に対する優遇措置,建設工事等競争入札参加者の格付や総合評価落札方式による一般競争入札の採点において',
    );
    expect(text).toContain('契約課');
    expect(await latestAudit(api.server.database.db, 'export')).toMatchObject({
      actor_login_id: 'plan',
      resource_type: 'recidivismPlanAppendix',
    });
  });

  it('exports CSV in Shift_JIS on request', async () => {
    const file = await download(plan, '/api/recidivism-plan/appendix?format=csv&encoding=shift_jis');
    expect(file.type).toMatch(/Shift_JIS/);
    expect(Encoding.detect(file.bytes)).toBe('SJIS');
    const text = Encoding.codeToString(Encoding.convert(file.bytes, { to: 'UNICODE', from: 'SJIS' }));
    for (const name of programmeNames) expect(text).toContain(name);
  });

  it('exports xlsx that opens with the challenges and programmes', async () => {
    const file = await download(council, '/api/recidivism-plan/appendix?format=xlsx');
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const values: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => {
        values.push(String(cell.value));
      });
    });
    expect(values[0]).toBe('鹿児島市再犯防止推進計画 資料編 再犯防止関係事業一覧');
    expect(values).toContain('課題(5) 民間協力者の活動の促進、広報・啓発活動の推進');
    for (const name of programmeNames) expect(values).toContain(name);
  });

  it('exports a PDF with the Japanese font embedded: its text extracts and page 1 renders', async () => {
    const file = await download(plan, '/api/recidivism-plan/appendix?format=pdf');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.bytes.toString('latin1')).toMatch(/FontFile2/);
    const { text, pngBytes } = inspectPdf('appendix', file.bytes);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('鹿児島市再犯防止推進計画資料編再犯防止関係事業一覧');
    expect(flat).toContain('課題(1)国・県・民間団体等との連携強化');
    for (const name of programmeNames) expect(flat).toContain(name);
    expect(flat).toContain('令和4年度～令和8年度');
    expect(pngBytes).toBeGreaterThan(5_000);
    expect(pngBytes).toBeLessThan(2_000_000);
  });

  it('refuses a bad format (400), anonymous (401), and roles without the plan (403)', async () => {
    expect((await plan.get('/api/recidivism-plan/appendix?format=doc')).status).toBe(400);
    expect((await plan.get('/api/recidivism-plan/appendix?format=csv&encoding=euc')).status).toBe(400);
    expect((await api.server.anonymous().get('/api/recidivism-plan/appendix?format=pdf')).status).toBe(401);
    expect(
      (await (await api.server.as('auditor')).get('/api/recidivism-plan/appendix?format=pdf')).status,
    ).toBe(403);
  });
});

describe('the council paper as CSV, xlsx and PDF (councilMeetings.paper)', () => {
  it('renders the paper three ways with the Japanese titles, suppression note and programme names', async () => {
    const meeting = (
      await plan.post<CouncilMeeting>('/api/council/meetings', {
        heldAt: '2026-11-20T14:00:00+09:00',
        place: '鹿児島市役所 本館 会議室',
        isOpen: false,
      })
    ).body;
    const base = `/api/council/meetings/${meeting.id}/paper?fiscalYear=2026`;

    const csv = await download(council, `${base}&format=csv`);
    expect(csv.status).toBe(200);
    const csvText = csv.bytes.toString('utf8');
    expect(csvText).toContain('鹿児島市再犯防止推進計画 令和8年度 進捗状況');
    expect(csvText).toContain('支援した犯罪をした者等の人数（刑事司法関係の課題があるもの）,5未満');

    const xlsx = await download(council, `${base}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getCell('A1').value).toBe('鹿児島市再犯防止推進計画 令和8年度 進捗状況');

    const pdf = await download(council, `${base}&format=pdf`);
    expect(pdf.type).toBe('application/pdf');
    const { text, pngBytes } = inspectPdf('paper', pdf.bytes);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('鹿児島市再犯防止推進計画令和8年度進捗状況');
    expect(flat).toContain('相談支援（重層的支援体制整備事業）における状況');
    expect(flat).toContain('5未満');
    for (const name of programmeNames) expect(flat).toContain(name);
    expect(pngBytes).toBeGreaterThan(5_000);
    expect((await latestAudit(api.server.database.db, 'export'))?.details).toMatchObject({
      format: 'pdf',
      fiscalYear: 2026,
    });
  });
});
