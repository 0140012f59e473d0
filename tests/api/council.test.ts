import { describe, expect, it } from 'vitest';
import type { CouncilMeeting, CouncilPaper, Opinion } from '../../src/contract/council.ts';
import type { Programme } from '../../src/contract/recidivismPlan.ts';
import { councilOrganizations } from '../../src/db/seed/demo.ts';
import { demoApi } from '../support/demoApi.ts';
import { challengeIds, createAssessedCase, latestAudit } from '../support/recidivism.ts';

const api = demoApi('plan', 'council', 'hogo');
const { plan, council, hogo } = api;

let meeting: CouncilMeeting;

const meetingInput = () => ({
  heldAt: '2026-11-20T14:00:00+09:00',
  place: '鹿児島市役所 本館 会議室',
  isOpen: true,
  observersCount: 2,
  observersNote: '報道関係者1名を含む',
  agenda: '1 計画の進捗状況について\n2 各機関の取組について',
  minutes: '（試験）各機関から取組の紹介があった。',
  attendees: [
    { organizationId: api.dir.organization('鹿児島保護観察所'), attendeeName: '山下 一郎' },
    {
      organizationId: api.dir.organization('鹿児島保護区保護司会'),
      attendeeName: '谷山 四郎',
      isDeputy: true,
    },
  ],
});

describe('GET /api/council/members (councilMembers.list)', () => {
  it('lists the 10 member organisations with representatives and terms', async () => {
    const response = await council.get<{
      items: { organization: { name: string }; representative: string; termFrom: string; termTo: string }[];
    }>('/api/council/members');
    expect(response.status).toBe(200);
    expect(response.body.items.map((m) => m.organization.name)).toEqual(
      councilOrganizations.map((o) => o.name),
    );
    expect(response.body.items[0]).toMatchObject({
      representative: '山下 一郎',
      termFrom: '2024-04-01',
      termTo: '2026-03-31',
    });
    expect((await plan.get('/api/council/members')).status).toBe(200);
    expect((await hogo.get('/api/council/members')).status).toBe(403);
    expect((await api.server.anonymous().get('/api/council/members')).status).toBe(401);
  });
});

describe('council meetings (councilMeetings.create, councilMeetings.get, councilMeetings.list)', () => {
  it('records a meeting with attendees and deputies, audited; council members read it', async () => {
    const response = await plan.post<CouncilMeeting>('/api/council/meetings', meetingInput());
    expect(response.status).toBe(201);
    meeting = response.body;
    expect(meeting).toMatchObject({ place: '鹿児島市役所 本館 会議室', isOpen: true, observersCount: 2 });
    expect(meeting.attendees.find((a) => a.isDeputy)).toMatchObject({
      organization: { name: '鹿児島保護区保護司会' },
      attendeeName: '谷山 四郎',
    });
    expect((await latestAudit(api.server.database.db, 'councilMeeting.create'))?.resource_id).toBe(
      meeting.id,
    );
    const read = await council.get<CouncilMeeting>(`/api/council/meetings/${meeting.id}`);
    expect(read.body).toMatchObject({ id: meeting.id, abilities: { paper: true, recordOpinion: true } });
    expect(
      (await council.get<{ items: CouncilMeeting[] }>('/api/council/meetings')).body.items.map((m) => m.id),
    ).toEqual([meeting.id]);
    expect((await council.get('/api/council/meetings/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
  });
  it('refuses bad input, unknown organisations, council members and caseworkers', async () => {
    const bad = await plan.post('/api/council/meetings', { heldAt: '昨日', place: '', isOpen: 'yes' });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'heldAt',
      'isOpen',
      'place',
    ]);
    const unknown = await plan.post('/api/council/meetings', {
      ...meetingInput(),
      attendees: [{ organizationId: '00000000-0000-4000-8000-000000000000', attendeeName: 'x' }],
    });
    expect((unknown.body as { errors: { field: string }[] }).errors[0]?.field).toBe(
      'attendees.0.organizationId',
    );
    expect((await council.post('/api/council/meetings', meetingInput())).status).toBe(403);
    expect((await hogo.post('/api/council/meetings', meetingInput())).status).toBe(403);
  });
});

describe('opinions (opinions.create, opinions.answer, opinions.list)', () => {
  let opinion: Opinion;
  it('a council member records an opinion for its own organisation only', async () => {
    const challenges = await challengeIds(api.server.database.db, api.dir.tenantId);
    const response = await council.post<Opinion>('/api/council/opinions', {
      meetingId: meeting.id,
      content: '（試験）協力雇用主の開拓について、市の入札優遇をさらに周知してほしい。',
      challengeId: challenges.get(2),
    });
    expect(response.status).toBe(201);
    opinion = response.body;
    expect(opinion).toMatchObject({
      organization: { name: '鹿児島保護区保護司会' },
      challenge: { position: 2, title: '就労・住居の確保' },
      followUpStatus: 'open',
      answer: null,
      abilities: { answer: false },
    });
    expect((await latestAudit(api.server.database.db, 'opinion.create'))?.resource_id).toBe(opinion.id);

    const forOther = await council.post('/api/council/opinions', {
      organizationId: api.dir.organization('鹿児島県弁護士会'),
      content: '（試験）他団体になりすました意見',
    });
    expect(forOther.status).toBe(403);
    expect((await plan.post('/api/council/opinions', { content: '（試験）市の意見' })).status).toBe(403);
    expect((await hogo.post('/api/council/opinions', { content: '（試験）' })).status).toBe(403);
    const bad = await council.post('/api/council/opinions', {
      content: '',
      programmeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(bad.status).toBe(400);
    const unknown = await council.post('/api/council/opinions', {
      content: '（試験）',
      programmeId: '00000000-0000-4000-8000-000000000000',
    });
    expect((unknown.body as { errors: { field: string }[] }).errors[0]?.field).toBe('programmeId');
  });

  it('a caseworker-role user of a non-member organisation cannot speak for the council', async () => {
    // 保護観察所 is a member but hogokansatsu holds no council role: 403 at the gate
    expect(
      (await (await api.server.as('hogokansatsu')).post('/api/council/opinions', { content: '（試験）' }))
        .status,
    ).toBe(403);
  });

  it('the plan officer answers with a follow-up status, audited; everyone on the council reads it', async () => {
    expect(
      (
        await council.post(`/api/council/opinions/${opinion.id}/answer`, {
          answer: 'x',
          followUpStatus: 'done',
        })
      ).status,
    ).toBe(403);
    const response = await plan.post<Opinion>(`/api/council/opinions/${opinion.id}/answer`, {
      answer: '（試験）契約課と連携し、入札参加資格の案内に掲載します。',
      followUpStatus: 'inProgress',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      followUpStatus: 'inProgress',
      answeredBy: { displayName: '計画 担当' },
    });
    expect((await latestAudit(api.server.database.db, 'opinion.answer'))?.resource_id).toBe(opinion.id);
    const list = await council.get<{ items: Opinion[] }>(`/api/council/opinions?meetingId=${meeting.id}`);
    expect(list.body.items.map((o) => o.answer)).toEqual([
      '（試験）契約課と連携し、入札参加資格の案内に掲載します。',
    ]);
    expect(
      (await plan.post(`/api/council/opinions/${opinion.id}/answer`, { answer: '', followUpStatus: 'later' }))
        .status,
    ).toBe(400);
    expect(
      (
        await plan.post('/api/council/opinions/00000000-0000-4000-8000-000000000000/answer', {
          answer: 'x',
          followUpStatus: 'done',
        })
      ).status,
    ).toBe(404);
  });
});

describe('GET /api/council/meetings/:id/paper (councilMeetings.paper)', () => {
  it('shows progress by challenge and casework figures, with counts under 5 suppressed', async () => {
    const db = api.server.database.db;
    // 6 people with a 刑事司法 issue supported in 令和8年度, 2 of their cases closed in it,
    // 1 closed the year before (not counted), and 3 cases without the marker (not counted)
    for (let i = 0; i < 4; i++) await createAssessedCase(db, api.dir, ['offenceHistory', 'unstableHousing']);
    await createAssessedCase(db, api.dir, ['onProbation']);
    await createAssessedCase(db, api.dir, ['suspectDefendant'], { closedOn: '2026-12-01' });
    await createAssessedCase(db, api.dir, ['dueForRelease'], { closedOn: '2027-01-15' });
    for (let i = 0; i < 3; i++) await createAssessedCase(db, api.dir, ['withdrawal']);

    const programmes = (await plan.get<{ items: Programme[] }>('/api/programmes')).body.items;
    const hogoProgramme = programmes.find((p) => p.responsibleSection.name === '保護第一課') as Programme;
    await hogo.request('PUT', `/api/programmes/${hogoProgramme.id}/progress/2026`, {
      statusText: '（試験）相談支援を実施',
      resultValue: 80,
      resultUnit: '件',
      evaluation: 'A',
      issuesDirection: '（試験）継続',
    });

    const response = await council.get<CouncilPaper>(
      `/api/council/meetings/${meeting.id}/paper?fiscalYear=2026`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ fiscalYear: 2026, fiscalYearLabel: '令和8年度', locked: false });
    expect(response.body.casework).toEqual({
      peopleSupported: 7,
      closures: '5未満',
      plansUsingProgrammes: '5未満',
    });
    const two = response.body.challenges[1];
    expect(two?.title).toBe('就労・住居の確保');
    expect(two?.programmes.find((p) => p.name === '生活困窮者自立支援事業')).toMatchObject({
      section: '保護第一課',
      statusText: '（試験）相談支援を実施',
      result: '80件',
      evaluation: 'A（計画どおり実施）',
      usedInSupportPlans: '5未満',
    });
    const employers = two?.programmes.find((p) => p.name === '協力雇用主等に対する優遇措置');
    expect(employers?.automaticIndicators.map((a) => a.code)).toEqual([
      'cooperatingEmployers',
      'placedWithCooperatingEmployers',
    ]);
    expect(employers?.automaticIndicators[1]?.value).toBe(0);
    // no person-level data anywhere in the paper
    expect(JSON.stringify(response.body)).not.toMatch(/鹿島|桜田|城山|天文|磯浜|caseId|personId/);
    expect((await latestAudit(db, 'export'))?.details).toMatchObject({ fiscalYear: 2026, format: 'json' });

    expect((await hogo.get(`/api/council/meetings/${meeting.id}/paper?fiscalYear=2026`)).status).toBe(403);
    expect((await council.get(`/api/council/meetings/${meeting.id}/paper?fiscalYear=x`)).status).toBe(400);
    expect(
      (await council.get('/api/council/meetings/00000000-0000-4000-8000-000000000000/paper?fiscalYear=2026'))
        .status,
    ).toBe(404);
  });
});

describe('meeting materials (councilMeetings.attach, councilMeetings.attachment)', () => {
  const pdf = Buffer.from('%PDF-1.4\n% 会議資料（試験）\n%%EOF\n', 'utf8');

  it('attaches a PDF, audited; the meeting lists it; council members download the same bytes, audited', async () => {
    const response = await plan.post<{ id: string; fileName: string; sizeBytes: number; mediaType: string }>(
      `/api/council/meetings/${meeting.id}/attachments`,
      { fileName: '資料1_進捗状況.pdf', contentBase64: pdf.toString('base64') },
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      fileName: '資料1_進捗状況.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      uploadedBy: { displayName: '計画 担当' },
    });
    expect((await latestAudit(api.server.database.db, 'councilMeeting.attach'))?.details).toMatchObject({
      attachmentId: response.body.id,
      fileName: '資料1_進捗状況.pdf',
    });
    const read = await council.get<CouncilMeeting>(`/api/council/meetings/${meeting.id}`);
    expect(read.body.attachments.map((a) => a.fileName)).toEqual(['資料1_進捗状況.pdf']);
    expect(read.body.abilities.attach).toBe(false);
    expect(
      (await plan.get<CouncilMeeting>(`/api/council/meetings/${meeting.id}`)).body.abilities.attach,
    ).toBe(true);

    const download = await fetch(
      `${api.server.url}/api/council/meetings/${meeting.id}/attachments/${response.body.id}`,
      { headers: { cookie: council.cookie ?? '' } },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('資料1_進捗状況.pdf'));
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await latestAudit(api.server.database.db, 'councilMeeting.attachmentRead'))?.actor_login_id).toBe(
      'council',
    );
  });

  it('refuses other types, contents that lie about their type, oversize and empty files, bad base64, council members and unknown meetings', async () => {
    const url = `/api/council/meetings/${meeting.id}/attachments`;
    const exe = await plan.post(url, { fileName: 'tool.exe', contentBase64: pdf.toString('base64') });
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({ code: 'unsupportedMediaType', errors: [{ field: 'fileName' }] });
    const lying = await plan.post(url, {
      fileName: '資料.pdf',
      contentBase64: Buffer.from('MZ\0\0').toString('base64'),
    });
    expect(lying.status).toBe(415);
    expect(lying.body).toMatchObject({ errors: [{ field: 'contentBase64' }] });
    expect((lying.body as { detail: string }).detail).toContain('拡張子');
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.4');
    const oversize = await plan.post(url, { fileName: '大きい.pdf', contentBase64: big.toString('base64') });
    expect(oversize.status).toBe(413);
    expect(oversize.body).toMatchObject({ code: 'payloadTooLarge', errors: [{ field: 'contentBase64' }] });
    expect((oversize.body as { detail: string }).detail).toContain('5MB');
    const empty = await plan.post(url, { fileName: 'a.pdf', contentBase64: '' });
    expect(empty.status).toBe(400);
    expect((empty.body as { errors: { field: string }[] }).errors[0]?.field).toBe('contentBase64');
    const notBase64 = await plan.post(url, { fileName: 'a.txt', contentBase64: '!!!' });
    expect(notBase64.status).toBe(400);
    expect(notBase64.body).toMatchObject({ errors: [{ field: 'contentBase64' }] });
    expect((await council.post(url, { fileName: 'a.txt', contentBase64: 'YQ==' })).status).toBe(403);
    expect((await hogo.get(`${url}/00000000-0000-4000-8000-000000000000`)).status).toBe(403);
    expect(
      (
        await plan.post('/api/council/meetings/00000000-0000-4000-8000-000000000000/attachments', {
          fileName: 'a.txt',
          contentBase64: 'YQ==',
        })
      ).status,
    ).toBe(404);
    expect((await council.get(`${url}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await api.server.anonymous().get(`${url}/00000000-0000-4000-8000-000000000000`)).status).toBe(
      401,
    );
    const count = await api.server.database.db
      .selectFrom('council_meeting_attachments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
