import { beforeAll, describe, expect, it } from 'vitest';
import type { Household } from '../../src/contract/households.ts';
import { formatWareki, toIsoDate } from '../../src/domain/wareki.ts';
import {
  buildCaseWorld,
  type CaseWorld,
  demoUser,
  houkatsuHandoverWorld,
  syntheticPerson,
} from '../support/caseWorld.ts';
import { daysAgo } from '../support/clock.ts';
import { demoApi } from '../support/demoApi.ts';
import { download, firstPageInk, lineOf, pdfPages, pdfText } from '../support/pdfText.ts';
import { type ApiClient, auditDetails } from '../support/testServer.ts';

/**
 * 帳票 (issue 11): each PDF is generated from its record; its text (pdftotext -layout) holds the
 * record's fields in the places the paper form has them; page 1 is drawn (pdftoppm); every
 * download is an audited print; an organisation outside the case gets 404.
 */

const api = demoApi('coordinator', 'houkatsu', 'shogai', 'hogokansatsu');
const { coordinator, houkatsu, shogai, hogokansatsu } = api;
let world: CaseWorld;
let caseNumber: string;
let noConsentConsultation: string;

const address = '鹿児島市（架空の住所）一丁目';

beforeAll(async () => {
  world = await buildCaseWorld(
    api.server.app,
    houkatsuHandoverWorld(
      {
        person: {
          ...syntheticPerson('帳票', '一郎', 'チョウヒョウ', 'イチロウ', '1978-06-15', address),
          sex: 'male',
        },
        member: syntheticPerson('帳票', 'ハナ', 'チョウヒョウ', 'ハナ', '1948-02-20', address),
        other: syntheticPerson('別件', '二郎', 'ベッケン', 'ジロウ', '1990-01-01', address),
      },
      { 障害者相談支援事業所: 'shogai' },
    ),
  );
  const db = api.server.database.db;
  caseNumber = (
    await db
      .selectFrom('cases')
      .select('case_number')
      .where('id', '=', world.caseId)
      .executeTakeFirstOrThrow()
  ).case_number;
  // the first item links the person to 参加支援
  const firstItem = Object.values(world.planItems)[0] ?? '';
  await db
    .updateTable('plan_items')
    .set({ links: ['participationSupport'] })
    .where('id', '=', firstItem)
    .execute();

  const household = await coordinator.get<Household>(`/api/cases/${world.caseId}/household`);
  const mother = household.body.members.find((m) => m.relation === 'mother');
  const self = household.body.members.find((m) => m.relation === 'self');
  const update = await coordinator.request('PUT', `/api/cases/${world.caseId}/household`, {
    members: household.body.members.map((m) => ({
      personId: m.person.id,
      relation: m.relation,
      livingTogether: m.livingTogether,
      supported: m.supported,
    })),
    newMembers: [
      {
        person: {
          familyName: '帳票',
          givenName: '源蔵',
          familyNameKana: 'チョウヒョウ',
          givenNameKana: 'ゲンゾウ',
          sex: 'male',
          birthDate: '1945-03-01',
        },
        relation: 'father',
        livingTogether: false,
        deceased: true,
        diedOn: '2019-08-10',
      },
    ],
    relations: [
      { from: 'new:0', to: mother?.person.id, kind: 'exSpouse' },
      { from: 'new:0', to: self?.person.id, kind: 'parentChild' },
      { from: mother?.person.id, to: self?.person.id, kind: 'parentChild' },
    ],
    ties: [
      { kind: 'welfareCommissioner', name: '山下', strength: 'strong' },
      { kind: 'neighbour', name: '隣家', strength: 'weak', stressful: true },
    ],
  });
  expect(update.status).toBe(200);
  const note = await houkatsu.post(`/api/cases/${world.caseId}/progress-notes`, {
    occurredAt: `${daysAgo(5)}T10:30:00+09:00`,
    kind: 'homeVisit',
    counterpart: '本人・母',
    content: '自宅を訪問し、母の通院の様子を確認した。',
  });
  expect(note.status).toBe(201);
  const monitoring = await coordinator.post(`/api/cases/${world.caseId}/monitorings`, {
    conductedOn: daysAgo(1),
    itemResults: Object.values(world.planItems).map((planItemId, i) => ({
      planItemId,
      progress: i === 0 ? 'achieved' : 'partly',
      note: i === 0 ? '週1回の通所が定着した' : undefined,
    })),
    decision: 'continue',
    note: '母の介護負担は軽くなりつつある。',
    nextMonitoringOn: toIsoDate(new Date(Date.now() + 60 * 86_400_000)),
  });
  expect(monitoring.status).toBe(201);
  const taken = await houkatsu.post<{ id: string }>('/api/consultations', {
    person: {
      familyName: '同意',
      givenName: 'なし子',
      familyNameKana: 'ドウイ',
      givenNameKana: 'ナシコ',
      birthDate: '1960-05-05',
      sex: 'female',
    },
    channel: 'phone',
    topics: ['neighbourhood', 'family'],
    mainTopic: 'family',
    content: '近所の方から、家族の様子が心配だと電話があった。',
    consentToShare: false,
    outcome: { kind: 'ownAgency' },
  });
  expect(taken.status).toBe(201);
  noConsentConsultation = taken.body.id;
}, 240_000);

async function form(client: ApiClient, url: string) {
  const response = await download(client, url);
  expect(response.status, url).toBe(200);
  expect(response.type).toBe('application/pdf');
  expect(response.disposition).toMatch(/^attachment; filename=/);
  expect(response.body.subarray(0, 5).toString()).toBe('%PDF-');
  return { pdf: response.body, text: pdfText(response.body), pages: pdfPages(response.body) };
}

/** What every 帳票 carries: the 様式 name and city on each page, the case number, page x / y. */
function expectFrame(pages: string[], formName: string, withCase = true) {
  expect(pages.length).toBeGreaterThan(0);
  pages.forEach((page, i) => {
    expect(page).toContain(formName);
    expect(page).toContain('鹿児島市');
    if (withCase) expect(page).toContain(`事例番号 ${caseNumber}`);
    expect(page).toMatch(new RegExp(`${i + 1}\\s*/\\s*${pages.length}\\s*$`));
    expect(page).toContain('出力日時 令和');
  });
}

describe('consultationForms.get (相談受付・申込票)', () => {
  it('prints the 【本人同意あり】 version with the person, household, topics and the signature line', async () => {
    const { pdf, text, pages } = await form(
      houkatsu,
      `/api/consultations/${world.consultationId}/form?purpose=会議資料`,
    );
    expectFrame(pages, '様式1 相談受付・申込票【本人同意あり】', false);
    expect(text).toMatch(/チョウヒョウ\s+イチロウ/);
    expect(text).toMatch(/氏名\s+帳票\s+一郎/);
    expect(text).toMatch(/■男性\s+□女性/);
    expect(text).toContain('昭和53年6月15日');
    expect(text).toContain(address);
    expect(text).toContain('◎ひきこもり・不登校');
    expect(text).toContain('■介護');
    expect(text).toContain('□住まい');
    // the mother is on one row of the household table: name, 続柄, birth date, 同居
    const motherRow = text.split('\n').find((line) => line.includes('帳票 ハナ')) ?? '';
    expect(motherRow).toMatch(/帳票 ハナ\s+母\s+昭和23年2月20日.*同居/);
    // 相談内容 before the content, the application and signature at the end
    expect(lineOf(text, '相談内容（該当するもの')).toBeLessThan(lineOf(text, '母の介護と本人のひきこもり'));
    expect(lineOf(text, '相談申込欄')).toBeGreaterThan(lineOf(text, '相談の内容'));
    expect(text).toContain('支援に必要な範囲で');
    expect(text).toContain('情報を共有することに同意します');
    expect(text).toContain('本人署名');
    expect(firstPageInk(pdf)).toBeGreaterThan(0.01);
    const event = await api.server.latestAudit('print');
    expect(event).toMatchObject({
      resource_type: 'consultationForm',
      resource_id: world.consultationId,
      person_id: world.personId,
    });
    expect(auditDetails(event)).toMatchObject({
      form: 'consultation',
      consentToShare: true,
      purpose: '会議資料',
    });
  });

  it('prints the 【本人同意なし】 version without a consent to sign', async () => {
    const { text, pages } = await form(houkatsu, `/api/consultations/${noConsentConsultation}/form`);
    expectFrame(pages, '様式1 相談受付・申込票【本人同意なし】', false);
    expect(text).toContain('◎家族との関係');
    expect(text).toContain('■地域との関係');
    expect(text).toContain('関係機関との情報共有は行いません');
    expect(text).not.toContain('本人署名');
  });

  it('answers 404 to an organisation that may not see the consultation, and prints nothing', async () => {
    const before = await api.server.latestAudit('print');
    expect((await download(hogokansatsu, `/api/consultations/${noConsentConsultation}/form`)).status).toBe(
      404,
    );
    expect((await api.server.latestAudit('print'))?.id).toBe(before?.id);
  });
});

describe('caseForms.get', () => {
  it('intake: the case, person, how it came and why it was handed over, the household and its genogram', async () => {
    const { pdf, text, pages } = await form(coordinator, `/api/cases/${world.caseId}/forms/intake`);
    expectFrame(pages, '様式2-1 インテーク・アセスメントシート（基本情報）');
    expect(text).toMatch(/氏名\s+帳票\s+一郎/);
    expect(text).toContain('地域包括支援センター');
    expect(text).toContain('介護とひきこもりが重なり、自機関だけでは対応が難しい');
    expect(text).toContain('介護保険サービスの案内');
    expect(lineOf(text, '引継ぎの理由')).toBeLessThan(lineOf(text, '世帯の状況'));
    // the deceased father in the household table, and the genogram drawn below it (its labels are text)
    expect(text).toMatch(/帳票 源蔵\s+父.*死亡（令和元年8月10日）/);
    expect(lineOf(text, 'ジェノグラム')).toBeGreaterThan(lineOf(text, '世帯の状況'));
    expect(text).toContain('二重線＝本人');
    expect(firstPageInk(pdf)).toBeGreaterThan(0.01);
  });

  it('assessment: issues by area with those found filled, the 8050 flag, genogram and ecomap', async () => {
    const { text, pages } = await form(coordinator, `/api/cases/${world.caseId}/forms/assessment`);
    expectFrame(pages, '様式2-2 インテーク・アセスメントシート（課題整理）');
    expect(text).toContain('■ひきこもり');
    expect(text).toContain('■介護');
    expect(text).toContain('□認知症');
    expect(text).toContain('■8050');
    expect(text).toContain('8050世帯');
    expect(text).toContain('エコマップ');
    expect(text).toContain('民生委員（山下）');
    expect(text).toContain('ストレス・対立');
  });

  it('plan: wishes, goals, items with role, frequency, period and the 参加支援 check, the meeting, the signature', async () => {
    const { pdf, text, pages } = await form(coordinator, `/api/cases/${world.caseId}/forms/plan`);
    expectFrame(pages, '様式3 プランシート（プラン兼利用申込書）');
    expect(text).toContain('第1版（決定）');
    // one row: No., content, organisation, frequency, period from, 参加支援 ■ (the content wraps under it)
    const itemRow = text.split('\n').find((line) => /地域包括支援センター\s+月1回/.test(line)) ?? '';
    expect(itemRow).toMatch(
      /^\s*1\s+（試験用）地域包括支援.*地域包括支援センター\s+月1回\s+令和\d+年\d+月\d+日.*■\s+□\s*$/,
    );
    expect(text).toMatch(/参加支援事業\s+■つなぐ\s+□つながない/);
    expect(text).toContain('重層的支援会議');
    expect(lineOf(text, '本人・世帯の意向')).toBeLessThan(lineOf(text, '支援内容と役割分担'));
    expect(lineOf(text, '支援内容と役割分担')).toBeLessThan(lineOf(text, '次回モニタリング'));
    expect(lineOf(text, '次回モニタリング')).toBeLessThan(lineOf(text, '本人署名'));
    expect(firstPageInk(pdf)).toBeGreaterThan(0.01);
    const event = await api.server.latestAudit('print');
    expect(event).toMatchObject({
      resource_type: 'caseForm',
      case_id: world.caseId,
      person_id: world.personId,
    });
    expect(auditDetails(event)).toMatchObject({ form: 'plan', planId: world.planId });
  });

  it('progress: notes and reports of the period, oldest first, each with when it was written', async () => {
    const { text, pages } = await form(
      coordinator,
      `/api/cases/${world.caseId}/forms/progress?from=${daysAgo(30)}&to=${daysAgo(0)}`,
    );
    expectFrame(pages, '様式4 支援経過記録（経過一覧）');
    expect(text).toContain(`${formatWareki(daysAgo(30))}〜${formatWareki(daysAgo(0))}`);
    const visit = text.split('\n').find((line) => line.includes(formatWareki(daysAgo(5)))) ?? '';
    expect(visit).toMatch(/訪問\s+地域包括支援セン.*本人・母\s+自宅を訪問し/);
    const below = text
      .split('\n')
      .slice(lineOf(text, formatWareki(daysAgo(5))) + 1, lineOf(text, formatWareki(daysAgo(5))) + 4);
    expect(below.join('\n')).toMatch(/^10:30/m);
    expect(text).toContain('母の通院の様子');
    // the support report of 10 days ago comes before the visit of 5 days ago
    expect(lineOf(text, '支援報告')).toBeGreaterThan(-1);
    expect(lineOf(text, '支援報告')).toBeLessThan(lineOf(text, '母の通院の様子'));
    const narrow = await form(
      coordinator,
      `/api/cases/${world.caseId}/forms/progress?from=${daysAgo(3)}&to=${daysAgo(0)}`,
    );
    expect(narrow.text).not.toContain('母の通院の様子');
    expect(narrow.text).toContain('この期間の記録はありません');
  });

  it('evaluation: each item’s progress, the decision and the next monitoring', async () => {
    const { text, pages } = await form(coordinator, `/api/cases/${world.caseId}/forms/evaluation`);
    expectFrame(pages, '様式5 評価シート');
    expect(text).toContain('モニタリング時');
    expect(text).toMatch(/■達成\s*□一部達成\s*□未達成/);
    expect(text).toContain('週1回の通所が定着した');
    expect(text).toMatch(/■継続\s+□プラン見直し/);
    expect(text).toContain('母の介護負担は軽くなりつつある');
  });

  it('is open to every organisation taking part, and 404 to one outside the case, for every kind', async () => {
    expect((await download(shogai, `/api/cases/${world.caseId}/forms/plan`)).status).toBe(200);
    for (const kind of ['intake', 'assessment', 'plan', 'progress', 'evaluation']) {
      const response = await download(hogokansatsu, `/api/cases/${world.caseId}/forms/${kind}`);
      expect(response.status, kind).toBe(404);
    }
    expect((await download(coordinator, `/api/cases/${world.caseId}/forms/unknown`)).status).toBe(400);
    expect(
      (await download(coordinator, `/api/cases/${world.caseId}/forms/plan?planId=${world.caseId}`)).status,
    ).toBe(404);
  });
});

describe('meetingForms.get (支援会議 / 重層的支援会議 記録)', () => {
  it('prints a 支援会議 with its attendees and their confidentiality acknowledgements', async () => {
    const { pdf, text, pages } = await form(coordinator, `/api/meetings/${world.supportMeetingId}/form`);
    expectFrame(pages, '様式6 支援会議記録');
    expect(text).toContain('社会福祉法第106条の6');
    expect(text).toContain('守秘義務の確認');
    const row = text.split('\n').find((line) => line.includes('障害者相談支援事業所')) ?? '';
    expect(row).toMatch(/令和\d+年\d+月\d+日 \d\d:\d\d/);
    expect(firstPageInk(pdf)).toBeGreaterThan(0.01);
    const event = await api.server.latestAudit('print');
    expect(event).toMatchObject({
      resource_type: 'meetingForm',
      resource_id: world.supportMeetingId,
      legal_basis: 'article106_6',
    });
  });

  it('prints a 重層的支援会議 without an acknowledgement column', async () => {
    const { text, pages } = await form(coordinator, `/api/meetings/${world.multilayerMeetingId}/form`);
    expectFrame(pages, '様式6 重層的支援会議記録');
    expect(text).not.toContain('守秘義務の確認（日時・確認者）');
    expect(text).toContain('障害者相談支援事業所');
  });

  it('answers 404 to an organisation neither in the case nor invited', async () => {
    expect((await download(hogokansatsu, `/api/meetings/${world.supportMeetingId}/form`)).status).toBe(404);
    const counter = await demoUser(api.server.app, 'houkatsu');
    expect(counter.loginId).toBe('houkatsu');
  });
});
