import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseTimeline } from '../../src/contract/cases.ts';
import type { EasyReadPlan } from '../../src/contract/forms.ts';
import type { Household } from '../../src/contract/households.ts';
import type { Person } from '../../src/contract/persons.ts';
import type { ProgressNote } from '../../src/contract/progressNotes.ts';
import {
  buildCaseWorld,
  type CaseWorld,
  houkatsuHandoverWorld,
  syntheticPerson,
} from '../support/caseWorld.ts';
import { daysAgo } from '../support/clock.ts';
import { demoApi } from '../support/demoApi.ts';
import { download, firstPageInk, pdfText } from '../support/pdfText.ts';
import { auditDetails, problemFields } from '../support/testServer.ts';

/**
 * Issue 11: the household record (members, kinship edges, ecomap ties) read by everyone taking part
 * and edited by the coordinating section, drawn as SVG; progress notes ordered by when they
 * happened; a later consultation joining the household; the person page; the easy-read plan.
 */

const api = demoApi('coordinator', 'houkatsu', 'shogai', 'hogokansatsu');
const { coordinator, houkatsu, shogai, hogokansatsu } = api;
let world: CaseWorld;
const address = '鹿児島市（架空の住所）二丁目';

beforeAll(async () => {
  world = await buildCaseWorld(
    api.server.app,
    houkatsuHandoverWorld({
      person: {
        ...syntheticPerson('世帯', '健一', 'セタイ', 'ケンイチ', '1976-04-01', address),
        sex: 'male',
      },
      member: syntheticPerson('世帯', '春子', 'セタイ', 'ハルコ', '1946-09-09', address),
      other: syntheticPerson('別口', '三郎', 'ベツグチ', 'サブロウ', '1989-01-01', address),
    }),
  );
}, 240_000);

const householdUrl = () => `/api/cases/${world.caseId}/household`;

describe('households.get', () => {
  it('gives the members with 続柄, 同居 and who is supported, edges implied by the consultation, and the organisations as ties', async () => {
    const response = await shogai.get<Household>(householdUrl());
    expect(response.status).toBe(200);
    const self = response.body.members.find((m) => m.relation === 'self');
    const mother = response.body.members.find((m) => m.relation === 'mother');
    expect(self).toMatchObject({ supported: true, livingTogether: true, deceased: false });
    expect(mother).toMatchObject({ supported: false, livingTogether: true });
    expect(response.body.relations).toEqual([
      { from: mother?.person.id, to: self?.person.id, kind: 'parentChild' },
    ]);
    expect(response.body.ties.filter((t) => t.implicit).map((t) => t.label)).toEqual(
      expect.arrayContaining(['地域包括支援センター', '重層事業担当', '障害者相談支援事業所']),
    );
    expect(response.body.abilities.update).toBe(false);
    expect((await coordinator.get<Household>(householdUrl())).body.abilities.update).toBe(true);
    const event = await api.server.latestAudit('household.read');
    expect(event).toMatchObject({ case_id: world.caseId, person_id: world.personId });
  });

  it('answers 404 to an organisation outside the case', async () => {
    expect((await hogokansatsu.get(householdUrl())).status).toBe(404);
    expect((await hogokansatsu.get(`${householdUrl()}/diagram?kind=genogram`)).status).toBe(404);
  });
});

describe('households.update', () => {
  it('adds a deceased father and a divorce, ties to 民生委員 and a neighbour; drawn in the genogram and ecomap', async () => {
    const before = await coordinator.get<Household>(householdUrl());
    const self = before.body.members.find((m) => m.relation === 'self');
    const mother = before.body.members.find((m) => m.relation === 'mother');
    const response = await coordinator.request<Household>('PUT', householdUrl(), {
      members: before.body.members.map((m) => ({
        personId: m.person.id,
        relation: m.relation,
        livingTogether: m.livingTogether,
        supported: m.supported,
      })),
      newMembers: [
        {
          person: {
            familyName: '世帯',
            givenName: '正男',
            familyNameKana: 'セタイ',
            givenNameKana: 'マサオ',
            sex: 'male',
            birthDate: '1940-01-10',
          },
          relation: 'father',
          livingTogether: false,
          deceased: true,
          diedOn: '2015-06-01',
        },
      ],
      relations: [
        { from: 'new:0', to: mother?.person.id, kind: 'exSpouse' },
        { from: 'new:0', to: self?.person.id, kind: 'parentChild' },
        { from: mother?.person.id, to: self?.person.id, kind: 'parentChild' },
      ],
      ties: [
        { kind: 'welfareCommissioner', name: '田中', strength: 'strong' },
        { kind: 'neighbour', name: '隣家', strength: 'weak', stressful: true, memberId: self?.person.id },
      ],
    });
    expect(response.status).toBe(200);
    const father = response.body.members.find((m) => m.relation === 'father');
    expect(father).toMatchObject({ deceased: true, diedOn: '2015-06-01', livingTogether: false });
    expect(response.body.relations).toHaveLength(3);
    expect(
      response.body.ties.filter((t) => !t.implicit).map((t) => [t.label, t.strength, t.stressful]),
    ).toEqual([
      ['民生委員（田中）', 'strong', false],
      ['近隣住民（隣家）', 'weak', true],
    ]);
    const event = await api.server.latestAudit('household.update');
    expect(auditDetails(event)).toMatchObject({ addedPersonIds: [father?.person.id], relations: 3 });

    const genogram = await shogai.get<string>(`${householdUrl()}/diagram?kind=genogram`);
    expect(genogram.status).toBe(200);
    expect(genogram.headers.get('content-type')).toContain('image/svg+xml');
    expect(genogram.body).toContain(
      `data-member="${father?.person.id}" data-shape="square" data-supported="false" data-deceased="true"`,
    );
    expect(genogram.body).toContain('data-line="divorceMark"');
    expect(genogram.body).toContain(
      `data-member="${self?.person.id}" data-shape="square" data-supported="true"`,
    );
    expect(genogram.body).toContain('data-enclosure="livingTogether"');
    const ecomap = await shogai.get<string>(`${householdUrl()}/diagram?kind=ecomap`);
    expect(ecomap.body).toContain('民生委員（田中）');
    expect(ecomap.body).toMatch(/data-strength="weak" data-stressful="true"/);
    expect(ecomap.body).toContain('>障害者相談支援事</text>');
  });

  it('refuses unknown members, a third parent and an unknown organisation with 400 naming the field, changing nothing', async () => {
    const before = await coordinator.get<Household>(householdUrl());
    const ids = before.body.members.map((m) => m.person.id);
    const base = { members: [], relations: [], ties: [] };
    const bad = await coordinator.request('PUT', householdUrl(), {
      ...base,
      relations: [{ from: world.caseId, to: ids[0], kind: 'spouse' }],
    });
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body)).toEqual(['relations.0.from']);
    const parents = await coordinator.request('PUT', householdUrl(), {
      ...base,
      relations: ids
        .slice(1)
        .map((id) => ({ from: id, to: ids[0], kind: 'parentChild' }))
        .concat([{ from: 'new:0', to: ids[0] as string, kind: 'parentChild' }]),
      newMembers: [
        {
          person: { familyName: '余分', familyNameKana: 'ヨブン' },
          relation: 'otherRelative',
          livingTogether: false,
        },
      ],
    });
    expect(parents.status).toBe(400);
    const org = await coordinator.request('PUT', householdUrl(), {
      ...base,
      ties: [{ kind: 'organization', organizationId: world.caseId, strength: 'normal' }],
    });
    expect(problemFields(org.body)).toEqual(['ties.0.organizationId']);
    const after = await coordinator.get<Household>(householdUrl());
    expect(after.body.members).toHaveLength(before.body.members.length);
    expect(after.body.relations).toEqual(before.body.relations);
  });

  it('is the coordinating section’s: 404 to a caseworker (case data they may not change) and outside', async () => {
    const body = { members: [], relations: [], ties: [] };
    expect((await houkatsu.request('PUT', householdUrl(), body)).status).toBe(404);
    expect((await hogokansatsu.request('PUT', householdUrl(), body)).status).toBe(404);
  });
});

describe('a later consultation about the person', () => {
  it('joins their household, keeping what was recorded, and adds the new member with the edges its 続柄 imply', async () => {
    const response = await houkatsu.post<{ householdId: string }>('/api/consultations', {
      person: { personId: world.personId },
      householdMembers: [
        {
          person: {
            familyName: '世帯',
            givenName: '美咲',
            familyNameKana: 'セタイ',
            givenNameKana: 'ミサキ',
            sex: 'female',
            birthDate: '2004-05-05',
          },
          relation: 'daughter',
          livingTogether: false,
        },
      ],
      channel: 'phone',
      topics: ['family'],
      mainTopic: 'family',
      content: '別居の娘さんから、父の様子について相談があった。',
      consentToShare: true,
      outcome: { kind: 'ownAgency' },
    });
    expect(response.status).toBe(201);
    const household = await coordinator.get<Household>(householdUrl());
    expect(response.body.householdId).toBe(household.body.id);
    const daughter = household.body.members.find((m) => m.relation === 'daughter');
    expect(daughter?.person.givenName).toBe('美咲');
    expect(household.body.members.find((m) => m.relation === 'father')?.deceased).toBe(true);
    expect(household.body.relations).toContainEqual({
      from: world.personId,
      to: daughter?.person.id,
      kind: 'parentChild',
    });
    expect(household.body.relations).toHaveLength(4);
  });
});

describe('progressNotes', () => {
  it('are written by any organisation taking part and listed by when they happened, with when they were written', async () => {
    const lastWeek = await shogai.post<ProgressNote>(`/api/cases/${world.caseId}/progress-notes`, {
      occurredAt: `${daysAgo(7)}T15:00:00+09:00`,
      kind: 'phone',
      counterpart: '本人',
      content: '電話で通所の様子を聞いた。',
    });
    expect(lastWeek.status).toBe(201);
    expect(lastWeek.body).toMatchObject({
      kind: 'phone',
      counterpart: '本人',
      organization: { name: '障害者相談支援事業所' },
    });
    const yesterday = await houkatsu.post<ProgressNote>(`/api/cases/${world.caseId}/progress-notes`, {
      occurredAt: `${daysAgo(1)}T09:30:00+09:00`,
      kind: 'accompaniment',
      content: '母の通院に同行した。',
    });
    expect(yesterday.status).toBe(201);
    // written after the call but happened before it
    const older = await houkatsu.post<ProgressNote>(`/api/cases/${world.caseId}/progress-notes`, {
      occurredAt: `${daysAgo(20)}T11:00:00+09:00`,
      kind: 'homeVisit',
      content: '初回の家庭訪問。',
    });
    expect(older.status).toBe(201);
    const list = await coordinator.get<{ items: ProgressNote[] }>(
      `/api/cases/${world.caseId}/progress-notes`,
    );
    expect(list.body.items.map((n) => n.content)).toEqual([
      '母の通院に同行した。',
      '電話で通所の様子を聞いた。',
      '初回の家庭訪問。',
    ]);
    expect(Date.parse(list.body.items[2]?.recordedAt ?? '')).toBeGreaterThan(
      Date.parse(list.body.items[0]?.recordedAt ?? ''),
    );
    const timeline = await coordinator.get<CaseTimeline>(`/api/cases/${world.caseId}/timeline?limit=100`);
    const noted = timeline.body.items.filter((e) => e.kind === 'progressNoted');
    expect(noted.map((e) => e.summary.split('\n')[1])).toEqual([
      '母の通院に同行した。',
      '電話で通所の様子を聞いた。',
      '初回の家庭訪問。',
    ]);
    expect(noted[2]?.occurredAt).toBe(new Date(`${daysAgo(20)}T11:00:00+09:00`).toISOString());
    // the visit of 20 days ago sits below the entries recorded since (timeline is by when it happened)
    const at = (id: string | undefined) => timeline.body.items.findIndex((e) => e.subjectId === id);
    expect(at(older.body.id)).toBeGreaterThan(at(lastWeek.body.id));
    expect(auditDetails(await api.server.latestAudit('progressNote.list'))).toMatchObject({
      ids: list.body.items.map((n) => n.id),
    });
  });

  it('refuses a note in the future, without content, from outside (404), or by a role without casework (404)', async () => {
    const url = `/api/cases/${world.caseId}/progress-notes`;
    const future = await houkatsu.post(url, {
      occurredAt: '2999-01-01T10:00:00+09:00',
      kind: 'phone',
      content: 'x',
    });
    expect(future.status).toBe(400);
    expect(problemFields(future.body)).toEqual(['occurredAt']);
    const empty = await houkatsu.post(url, {
      occurredAt: `${daysAgo(1)}T10:00:00+09:00`,
      kind: 'phone',
      content: ' ',
    });
    expect(problemFields(empty.body)).toEqual(['content']);
    expect(
      (
        await hogokansatsu.post(url, {
          occurredAt: `${daysAgo(1)}T10:00:00+09:00`,
          kind: 'phone',
          content: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await hogokansatsu.get(url)).status).toBe(404);
    const auditor = await api.server.as('auditor');
    expect((await auditor.get(url)).status).toBe(404);
  });
});

describe('persons.get', () => {
  it('lists the consultations and cases the viewer may see for the person, and the household', async () => {
    const person = await houkatsu.get<Person>(`/api/persons/${world.personId}`);
    expect(person.status).toBe(200);
    expect(person.body.cases.map((k) => [k.id, k.role])).toEqual([[world.caseId, 'target']]);
    expect(person.body.consultations.length).toBeGreaterThanOrEqual(2);
    expect(person.body.consultations.every((c) => c.role === 'subject')).toBe(true);
    const mother = person.body.households[0]?.members.find((m) => m.relation === 'mother');
    const motherPage = await houkatsu.get<Person>(`/api/persons/${mother?.person.id}`);
    expect(motherPage.body.cases.map((k) => k.role)).toEqual(['householdMember']);
    expect(motherPage.body.consultations.some((c) => c.role === 'householdMember')).toBe(true);
    // 障害者相談支援事業所 takes part in the case but took no consultation: it sees the case only
    const partner = await shogai.get<Person>(`/api/persons/${world.personId}`);
    expect(partner.body.cases).toHaveLength(1);
    expect(partner.body.consultations.map((c) => c.organization.name)).not.toContain('重層事業担当');
  });
});

describe('plans.easyRead', () => {
  it('tells the plan in やさしい日本語 with ふりがな over kanji beyond the 2nd grade (json, html, pdf)', async () => {
    const json = await shogai.get<EasyReadPlan>(`/api/plans/${world.planId}/easy-read?format=json`);
    expect(json.status).toBe(200);
    const segments = JSON.stringify(json.body);
    expect(json.body.title.map((s) => s.text).join('')).toBe('世帯 健一さんの 支援の 計画');
    expect(json.body.title).toContainEqual({ text: '支援', ruby: 'しえん' });
    // 計画 is 2nd-grade kanji: no reading
    expect(json.body.title).toContainEqual({ text: '世帯', ruby: 'せたい' });
    expect(json.body.title).not.toContainEqual(expect.objectContaining({ text: '計画' }));
    const plain = (segs: { text: string }[]) => segs.map((s) => s.text).join('');
    const who = json.body.sections.find((s) => plain(s.heading) === 'だれが なにを するか');
    expect(who?.blocks.map((b) => plain(b.heading ?? []))).toContain('障害者相談支援事業所が 手伝います');
    expect(segments).toContain('{"text":"手伝","ruby":"てつだ"}');
    const call = json.body.sections.at(-1);
    expect(plain(call?.heading ?? [])).toBe('こまった ときは');
    expect(plain(call?.blocks[0]?.sentences[0] ?? [])).toBe('重層事業担当に 電話して ください。');
    // 電話 and 月 are 2nd/1st grade: no reading
    expect(segments).not.toMatch(/"text":"電話","ruby"/);
    const html = await shogai.get<string>(`/api/plans/${world.planId}/easy-read?format=html`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.body).toContain('<ruby>支援<rp>（</rp><rt>しえん</rt><rp>）</rp></ruby>');
    expect(html.body).not.toContain('<script');
    const pdf = await download(shogai, `/api/plans/${world.planId}/easy-read?format=pdf`);
    expect(pdf.type).toBe('application/pdf');
    const text = pdfText(pdf.body);
    expect(text).toContain('しえん');
    expect(text).toContain('だれが なにを するか');
    expect(firstPageInk(pdf.body)).toBeGreaterThan(0.005);
    expect(auditDetails(await api.server.latestAudit('plan.easyRead'))).toEqual({ format: 'pdf' });
    expect((await hogokansatsu.get(`/api/plans/${world.planId}/easy-read`)).status).toBe(404);
  }, 60_000);
});
