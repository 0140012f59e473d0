import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/contract/auditEvents.ts';
import type { PersonSummary } from '../../src/contract/persons.ts';
import { demoApi } from '../support/demoApi.ts';
import {
  addAssessment,
  addConsent,
  addMeeting,
  addPlan,
  createCase,
  createPerson,
} from '../support/factories.ts';
import { auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('auditor', 'coordinator', 'houkatsu', 'council');
const { auditor, coordinator, houkatsu, council } = api;

let kase: Awaited<ReturnType<typeof createCase>>;
let personId: string;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-disclosure-'));

beforeAll(async () => {
  const db = api.server.database.db;
  personId = await createPerson(db, api.dir, {
    familyName: '開示',
    givenName: '請子',
    familyNameKana: 'カイジ',
    givenNameKana: 'セイコ',
    birthDate: '1958-07-07',
  });
  kase = await createCase(db, api.dir, { personId });
  await addAssessment(db, api.dir, kase.caseId, {
    issues: ['withdrawal'],
    summary: '（試験）長男のひきこもりが続いている',
  });
  await addConsent(db, api.dir, {
    personId,
    caseId: kase.caseId,
    organizationIds: [api.dir.organization('障害者相談支援事業所')],
  });
  await addMeeting(db, api.dir, { caseId: kase.caseId, minutes: '（試験）見守りを継続することを確認した' });
  await addPlan(db, api.dir, {
    caseId: kase.caseId,
    item: { content: '（試験）月1回の訪問', organization: '地域包括支援センター' },
  });
  expect((await houkatsu.get(`/api/cases/${kase.caseId}`)).status).toBe(200);
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe('GET /api/disclosure/persons (persons.lookupForDisclosure)', () => {
  it('finds the person across the whole city by フリガナ (ひらがな too), 氏名 or birth date, and audits it', async () => {
    type Lookup = { items: (PersonSummary & { registeredBy: { name: string } })[] };
    const byKana = await auditor.get<Lookup>(`/api/disclosure/persons?kana=${encodeURIComponent('かいじ')}`);
    expect(byKana.status).toBe(200);
    expect(byKana.body.items.map((p) => p.id)).toEqual([personId]);
    expect(byKana.body.items[0]).toMatchObject({
      familyName: '開示',
      givenName: '請子',
      birthDate: '1958-07-07',
      registeredBy: { name: '地域包括支援センター' },
    });
    const byName = await auditor.get<Lookup>(
      `/api/disclosure/persons?name=${encodeURIComponent('開示請子')}`,
    );
    expect(byName.body.items.map((p) => p.id)).toEqual([personId]);
    const byBirth = await auditor.get<Lookup>('/api/disclosure/persons?birthDate=1958-07-07');
    expect(byBirth.body.items.map((p) => p.id)).toContain(personId);
    const event = await api.server.latestAudit('person.lookupForDisclosure');
    expect(event?.actor_user_id).toBe(api.dir.user('auditor').id);
    expect(auditDetails(event)).toMatchObject({ query: { birthDate: '1958-07-07' } });
    expect(auditDetails(event).ids).toContain(personId);
  });

  it('needs at least one criterion and a real date (400 naming the field)', async () => {
    expect(problemFields((await auditor.get('/api/disclosure/persons')).body)).toEqual(['クエリ.kana']);
    expect(problemFields((await auditor.get('/api/disclosure/persons?birthDate=1958-02-30')).body)).toEqual([
      'クエリ.birthDate',
    ]);
    expect(problemFields((await auditor.get('/api/disclosure/persons?kana=abc')).body)).toEqual([
      'クエリ.kana',
    ]);
  });

  it('is for holders of disclosure.export only (403 others, 401 anonymous)', async () => {
    expect((await coordinator.get('/api/disclosure/persons?kana=カイジ')).status).toBe(403);
    expect((await council.get('/api/disclosure/persons?kana=カイジ')).status).toBe(403);
    expect((await api.server.anonymous().get('/api/disclosure/persons?kana=カイジ')).status).toBe(401);
  });
});

describe('GET /api/persons/:id/disclosure (persons.disclosureExport)', () => {
  it('returns everything held about the person as JSON, with the access log, and audits it', async () => {
    const response = await auditor.get<Disclosure>(
      `/api/persons/${personId}/disclosure?format=json&purpose=${encodeURIComponent('令和8年開示請求第12号')}`,
    );
    expect(response.status).toBe(200);
    const d = response.body;
    expect(d.person).toMatchObject({ familyName: '開示', givenName: '請子', birthDate: '1958-07-07' });
    expect(d.households).toEqual([expect.objectContaining({ personId, relation: '本人' })]);
    expect(d.consultations).toEqual([
      expect.objectContaining({
        id: kase.consultationId,
        about: 'self',
        organization: '地域包括支援センター',
        content: '（生成された試験用の相談内容）',
      }),
    ]);
    expect(d.cases).toHaveLength(1);
    expect(d.cases[0]?.case).toMatchObject({ id: kase.caseId, coordinatingOrganization: '重層事業担当' });
    expect(d.cases[0]?.assessments[0]).toMatchObject({ summary: '（試験）長男のひきこもりが続いている' });
    expect(d.cases[0]?.meetings[0]).toMatchObject({ minutes: '（試験）見守りを継続することを確認した' });
    expect(d.cases[0]?.plans[0]).toMatchObject({
      items: [
        expect.objectContaining({ content: '（試験）月1回の訪問', organization: '地域包括支援センター' }),
      ],
    });
    expect(d.consents).toEqual([expect.objectContaining({ organizations: ['障害者相談支援事業所'] })]);
    expect(d.accessLog.some((e) => e.action === 'case.read' && e.user?.loginId === 'houkatsu')).toBe(true);

    const event = await api.server.latestAudit('person.disclosureExport');
    expect(event).toMatchObject({
      actor_user_id: api.dir.user('auditor').id,
      person_id: personId,
      resource_id: personId,
    });
    expect(auditDetails(event)).toMatchObject({
      format: 'json',
      purpose: '令和8年開示請求第12号',
      counts: { consultations: 1, cases: 1, consents: 1 },
    });
  });

  it('renders a PDF with the Japanese font embedded: the name and the consultation’s text are in it', async () => {
    const response = await fetch(new URL(`/api/persons/${personId}/disclosure?format=pdf`, api.server.url), {
      headers: { cookie: auditor.cookie ?? '' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('attachment;');
    const file = path.join(workDir, 'disclosure.pdf');
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('開示請子');
    expect(text).toContain('（生成された試験用の相談内容）');
    expect(text).toContain('保有個人情報開示資料');
    expect(text).toContain('昭和33年7月7日');
    expect(text).toContain('閲覧履歴');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toContain('NotoSansJP');
    expect(auditDetails(await api.server.latestAudit('person.disclosureExport')).format).toBe('pdf');
  });

  it('is 404 for a person not in the city’s records', async () => {
    expect((await auditor.get(`/api/persons/${randomUUID()}/disclosure`)).status).toBe(404);
  });

  it('refuses bad input (400 naming the field), other roles (403) and the anonymous (401)', async () => {
    expect(problemFields((await auditor.get(`/api/persons/${personId}/disclosure?format=doc`)).body)).toEqual(
      ['クエリ.format'],
    );
    expect(problemFields((await auditor.get('/api/persons/x/disclosure')).body)).toEqual(['パス.id']);
    // even the coordinating section, which sees this case, does not answer a 開示請求 for the city
    expect((await coordinator.get(`/api/persons/${personId}/disclosure`)).status).toBe(403);
    expect((await houkatsu.get(`/api/persons/${personId}/disclosure`)).status).toBe(403);
    expect((await api.server.anonymous().get(`/api/persons/${personId}/disclosure`)).status).toBe(401);
  });
});
