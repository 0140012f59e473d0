import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseListItem } from '../../src/contract/cases.ts';
import type { DisposalCandidates } from '../../src/contract/retention.ts';
import { settleDemoTimeline } from '../../src/db/seed/demoTimeline.ts';
import { seedDemoCases } from '../../src/server/demo/demoCases.ts';
import { demoApi } from '../support/demoApi.ts';
import { addAssessment, createCase, createPerson } from '../support/factories.ts';
import { type ApiClient, auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('coordinator', 'hogokansatsu', 'houkatsu');
const { coordinator, hogokansatsu, houkatsu } = api;

/** The demo's 城山 8050 household (its number follows the order of acceptance in the 年度). */
let shiroyama: string;

type CaseList = { items: CaseListItem[]; nextCursor: string | null };

const numbersOf = async (client: ApiClient, query: Record<string, string>) => {
  const response = await client.get<CaseList>(
    `/api/cases?${new URLSearchParams({ limit: '100', ...query })}`,
  );
  expect(response.status).toBe(200);
  return response.body.items.map((item) => item.caseNumber);
};

beforeAll(async () => {
  // The demo casework, made through the API and dated as on first start.
  await seedDemoCases(api.server.app);
  await settleDemoTimeline(api.server.database.db);
  const row = await api.server.database.db
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.primary_person_id')
    .select('c.case_number')
    .where('p.family_name', '=', '城山')
    .executeTakeFirstOrThrow();
  shiroyama = row.case_number;
}, 120_000);

describe('cases.list q: search that finds names', () => {
  it('finds the demo 8050 case by 城山 as the coordinator, and nothing as an organisation not taking part', async () => {
    expect(await numbersOf(coordinator, { q: '城山' })).toEqual([shiroyama]);
    expect(await numbersOf(houkatsu, { q: '城山' })).toEqual([shiroyama]);
    expect(await numbersOf(hogokansatsu, { q: '城山' })).toEqual([]);
    // the search and what it found are audited with the query
    const audit = await api.server.latestAudit('case.list');
    expect(auditDetails(audit)).toMatchObject({ q: '城山', caseIds: [] });
  });

  it('finds by full name with or without a space, by kana in any width or script, and by case number', async () => {
    for (const q of [
      '城山和夫',
      '城山　和夫',
      'しろやま',
      'ｼﾛﾔﾏ ｶｽﾞｵ',
      'シロヤマカズオ',
      shiroyama.toLowerCase(),
      // full-width, as typed with the IME on
      shiroyama.replace(/[0-9A-Z-]/g, (c) =>
        c === '-' ? '－' : String.fromCodePoint((c.codePointAt(0) ?? 0) + 0xfee0),
      ),
    ]) {
      expect(await numbersOf(coordinator, { q }), q).toEqual([shiroyama]);
    }
  });

  it('treats 異体字 alike (髙/高, 﨑/崎) whichever was registered or typed', async () => {
    const registered = await createPerson(api.server.database.db, api.dir, {
      familyName: '髙﨑',
      givenName: '花子',
      familyNameKana: 'タカサキ',
      givenNameKana: 'ハナコ',
    });
    const { caseId } = await createCase(api.server.database.db, api.dir, { personId: registered });
    const plain = await createPerson(api.server.database.db, api.dir, {
      familyName: '高崎',
      givenName: '次郎',
      familyNameKana: 'タカサキ',
      givenNameKana: 'ジロウ',
    });
    const { caseId: plainCaseId } = await createCase(api.server.database.db, api.dir, { personId: plain });
    const idsOf = async (q: string) =>
      (await coordinator.get<CaseList>(`/api/cases?limit=100&q=${encodeURIComponent(q)}`)).body.items.map(
        (item) => item.id,
      );
    for (const q of ['高崎', '髙崎', '高﨑', '髙﨑']) {
      const found = await idsOf(q);
      expect(found, q).toContain(caseId);
      expect(found, q).toContain(plainCaseId);
    }
    expect(await idsOf('髙﨑花子')).toEqual([caseId]);
    expect(await idsOf('高崎 次郎')).toEqual([plainCaseId]);
  });

  it('finds by 宛名番号 and by birth date in 和暦 or 西暦', async () => {
    const personId = await createPerson(api.server.database.db, api.dir, {
      familyName: '桜島',
      givenName: '一郎',
      familyNameKana: 'サクラジマ',
      givenNameKana: 'イチロウ',
      birthDate: '1958-07-14',
    });
    await api.server.database.db
      .updateTable('persons')
      .set({ addressee_number: '0012345678' })
      .where('id', '=', personId)
      .execute();
    const { caseId } = await createCase(api.server.database.db, api.dir, { personId });
    const idsOf = async (q: string) =>
      (await coordinator.get<CaseList>(`/api/cases?limit=100&q=${encodeURIComponent(q)}`)).body.items.map(
        (item) => item.id,
      );
    expect(await idsOf('0012345678')).toEqual([caseId]);
    for (const q of ['昭和33年7月14日', 'S33.7.14', '1958-07-14', '1958/7/14']) {
      expect(await idsOf(q), q).toContain(caseId);
    }
  });
});

describe('cases.list filters', () => {
  it('filters by household pattern, issue area, unassigned, monitoring and days without contact', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    await addAssessment(api.server.database.db, api.dir, caseId, {
      issues: ['youngCarer'],
      householdFlags: ['doubleCare'],
    });
    const idsOf = async (query: Record<string, string>) =>
      (
        await coordinator.get<CaseList>(`/api/cases?${new URLSearchParams({ limit: '100', ...query })}`)
      ).body.items.map((item) => item.id);
    expect(await idsOf({ householdFlag: 'doubleCare' })).toContain(caseId);
    expect(await idsOf({ householdFlag: '8050' })).not.toContain(caseId);
    expect(await idsOf({ issueArea: 'children' })).toContain(caseId);
    expect(await idsOf({ issueArea: 'elderly' })).not.toContain(caseId);
    expect(await idsOf({ unassigned: 'true' })).toContain(caseId);
    // no case event at all: no recorded contact for any number of days
    expect(await idsOf({ noContactDays: '30' })).toContain(caseId);

    await api.server.database.db
      .updateTable('cases')
      .set({ next_monitoring_on: '2020-04-01' })
      .where('id', '=', caseId)
      .execute();
    expect(await idsOf({ monitoring: 'overdue' })).toContain(caseId);
    expect(await idsOf({ monitoring: 'dueSoon' })).not.toContain(caseId);
    // every case the coordinator sees with overdue monitoring is open and overdue
    const overdue = (await coordinator.get<CaseList>('/api/cases?limit=100&monitoring=overdue')).body.items;
    expect(
      overdue.every((c) => c.nextMonitoringOn !== null && !['closed', 'suspended'].includes(c.stage)),
    ).toBe(true);
  });

  it('refuses a bad filter with 400 problem+json naming the field in Japanese', async () => {
    const response = await coordinator.get('/api/cases?householdFlag=nope&noContactDays=-1');
    expect(response.status).toBe(400);
    expect(problemFields(response.body)).toEqual(['クエリ.householdFlag', 'クエリ.noContactDays']);
  });
});

describe('the demo casework on the disposal list (docs/retention.md)', () => {
  it('has the consultation closed at the counter seven years ago, dated its own day, and no demo case', async () => {
    const response = await coordinator.get<DisposalCandidates>('/api/disposals/candidates');
    expect(response.status).toBe(200);
    const { cases, consultations, persons } = response.body;
    // every demo case is recent (closed this year at the earliest): none past its 5 years
    expect(cases).toEqual([]);
    expect(consultations).toHaveLength(1);
    const [old] = consultations;
    expect(old).toMatchObject({ personName: '荒田 昭', organizationName: '保護第一課', mainTopic: 'income' });
    expect(old?.closedOn).toBe(old?.receivedOn);
    expect(old && old.disposableFrom <= response.body.asOf).toBe(true);
    // its person is named by no other record: disposed with it
    expect(persons).toEqual([expect.objectContaining({ name: '荒田 昭', reason: 'lastRecord' })]);
  });
});
